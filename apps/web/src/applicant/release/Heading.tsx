import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A step's heading that takes focus when the step appears (the waiting room replacing the office list,
 * the slot list replacing the waiting room): a screen reader then reads where the user now is, and
 * keyboard focus is not left on a button that has gone.
 */
export function StepHeading(props: { id: string; children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <h2 id={props.id} ref={ref} tabIndex={-1}>
      {props.children}
    </h2>
  );
}
