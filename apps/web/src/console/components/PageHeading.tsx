import { useEffect, useRef, type ReactNode } from 'react';

/** A view's title; it takes focus when the view opens so screen readers announce the new page. */
export function PageHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <h2 ref={ref} tabIndex={-1} className="page-heading">
      {children}
    </h2>
  );
}
