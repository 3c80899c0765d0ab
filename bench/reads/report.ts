import type { LoadFigures } from './load.ts';

/** The figures of a run as a Markdown table, one row per scenario and log level, ratios to bare hello. */
export function scenarioTable(
  hello: LoadFigures,
  runs: Readonly<Record<string, Readonly<Record<string, LoadFigures>>>>,
  ratio: (f: LoadFigures) => number,
): string {
  const labels: Record<string, string> = {
    sessionsCold: 'GET sessions, cold (every key new)',
    sessionsWarm: 'GET sessions, warm',
    sessions304: 'GET sessions, If-None-Match → 304',
    application200: 'GET application, 200',
    application304: 'GET application, If-None-Match → 304',
  };
  const row = (label: string, level: string, f: LoadFigures, r: number | string) =>
    `| ${label} | ${level} | ${f.perSec} | ${f.p50Ms} | ${f.p99Ms} | ${r} | ${f.serverCpu} | ` +
    `${f.clientCpu} | ${f.meanBytes} | ${Object.entries(f.statuses)
      .map(([s, n]) => `${s}×${n}`)
      .join(' ')} |`;
  return [
    '| scenario | LOG_LEVEL | req/s | p50 ms | p99 ms | ÷ hello | server CPU | client CPU | bytes | statuses |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    row('bare Fastify hello', '–', hello, 1),
    ...Object.entries(runs).flatMap(([level, figures]) =>
      Object.entries(figures).map(([name, f]) => row(labels[name] ?? name, level, f, ratio(f))),
    ),
  ].join('\n');
}
