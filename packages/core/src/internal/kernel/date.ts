/**
 * The calendar-date rule of `IndicatorAssignment.IsoDate`, without effect: one
 * implementation for the schema's refinement, the kernel's line reader and
 * the shard workers. A date is `YYYY-MM-DD` with a real day of that month;
 * years before 100 are not calendar dates (as `Date.UTC` read them, which the
 * rule was first written with).
 *
 * @internal
 */

/** The days of month `m` (1-12) of year `y`, in the proleptic Gregorian calendar. */
export const daysIn = (y: number, m: number): number =>
  m === 2
    ? y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)
      ? 29
      : 28
    : m === 4 || m === 6 || m === 9 || m === 11
      ? 30
      : 31

const digit = (c: number): number => (c >= 48 && c <= 57 ? c - 48 : -1)

/**
 * The date the ten character codes `c0`..`c9` hold (passed one by one, so
 * that both callers, on text and on bytes, call one monomorphic function) as
 * `y * 10000 + m * 100 + d`, or -1 when they are not a calendar date.
 */
const dateKey = (
  c0: number,
  c1: number,
  c2: number,
  c3: number,
  c4: number,
  c5: number,
  c6: number,
  c7: number,
  c8: number,
  c9: number
): number => {
  if (c4 !== 45 || c7 !== 45) return -1
  const y0 = digit(c0)
  const y1 = digit(c1)
  const y2 = digit(c2)
  const y3 = digit(c3)
  const m0 = digit(c5)
  const m1 = digit(c6)
  const d0 = digit(c8)
  const d1 = digit(c9)
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return -1
  const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3
  const m = m0 * 10 + m1
  const d = d0 * 10 + d1
  if (y < 100 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m)) return -1
  return y * 10000 + m * 100 + d
}

/** Whether a text is a calendar date `YYYY-MM-DD` (the rule of `IsoDate`). */
export const isCalendarDate = (s: string): boolean =>
  s.length === 10 &&
  dateKey(
    s.charCodeAt(0),
    s.charCodeAt(1),
    s.charCodeAt(2),
    s.charCodeAt(3),
    s.charCodeAt(4),
    s.charCodeAt(5),
    s.charCodeAt(6),
    s.charCodeAt(7),
    s.charCodeAt(8),
    s.charCodeAt(9)
  ) >= 0

const dates = new Map<number, string>()

/**
 * The calendar date the bytes [s, e) hold, as a string shared by every line
 * that holds it (dates repeat), or undefined.
 */
export const dateAt = (b: Uint8Array, s: number, e: number): string | undefined => {
  if (e - s !== 10) return undefined
  const key = dateKey(
    b[s]!,
    b[s + 1]!,
    b[s + 2]!,
    b[s + 3]!,
    b[s + 4]!,
    b[s + 5]!,
    b[s + 6]!,
    b[s + 7]!,
    b[s + 8]!,
    b[s + 9]!
  )
  if (key < 0) return undefined
  let text = dates.get(key)
  if (text === undefined) {
    text = String.fromCharCode(...b.subarray(s, e))
    // memory stays bounded whatever dates a hostile input holds
    if (dates.size >= 8192) dates.clear()
    dates.set(key, text)
  }
  return text
}
