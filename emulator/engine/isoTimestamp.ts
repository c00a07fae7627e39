/**
 * ISO-8601 extended offset date-times as Step Functions' Wait state takes them: a date, `T`, a
 * time with seconds (and up to nine digits of fraction), and a zone (`Z` or `+hh:mm`); each field
 * within its range. Anything else (no zone, a space for `T`, month 13, hour 25) is refused.
 */
const FORMAT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-](\d{2}):(\d{2}))$/;

/** Epoch milliseconds of a timestamp, or undefined where it is not one. */
export function parseOffsetDateTime(text: string): number | undefined {
  const m = FORMAT.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  if (m[9] !== undefined && (Number(m[9]) > 23 || Number(m[10]) > 59)) return undefined;
  const fraction = m[7] ? Number(`0${m[7]}`) * 1000 : 0;
  const offsetMinutes =
    m[8] === 'Z' ? 0 : (m[8]!.startsWith('-') ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10]));
  return Date.UTC(year, month - 1, day, hour, minute, second) + fraction - offsetMinutes * 60_000;
}

/** The longest delay a Wait state takes: 2^31 - 1 seconds (about 68 years). */
export const MAX_WAIT_SECONDS = 2 ** 31 - 1;
