/**
 * Tiny, total helpers to write XML (SVG) and HTML text: escaping, number
 * formatting for coordinates, and wrapping of long labels.
 *
 * @internal
 */

/**
 * Removes what XML 1.0 forbids (control characters other than tab, line feed
 * and carriage return; U+FFFE, U+FFFF; lone UTF-16 surrogates), so that any
 * string a caller passes still yields a well-formed document.
 */
export const clean = (s: string): string => {
  let out = ""
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += s[i]! + s[i + 1]!
        i++
      }
      continue
    }
    if (c >= 0xdc00 && c <= 0xdfff) continue
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0xfffe || c === 0xffff) continue
    out += s[i]!
  }
  return out
}

/** Escapes text for element content and attribute values (XML and HTML). */
export const esc = (s: string): string =>
  clean(s)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;")

/** A finite number or `null`. */
export const finite = (n: unknown): number | null => (typeof n === "number" && Number.isFinite(n) ? n : null)

/** Clamps into `[lo, hi]`; non-finite numbers become `lo`. */
export const clamp = (n: number, lo: number, hi: number): number =>
  Number.isFinite(n) ? Math.min(hi, Math.max(lo, n)) : lo

/** Rounds a coordinate to two decimals, never printing `-0`. */
export const round2 = (n: number): number => {
  const r = Math.round(n * 100) / 100
  return Object.is(r, -0) ? 0 : r
}

/** A coordinate as text (dot decimal separator, at most two decimals). */
export const num = (n: number): string => String(round2(n))

/** Shortens a label to `max` characters with an ellipsis. */
export const truncate = (s: string, max: number): string =>
  [...s].length <= max ? s : `${[...s].slice(0, Math.max(1, max - 1)).join("")}…`

/**
 * Wraps a label into at most `lines` lines of about `width` characters,
 * breaking between words (the last line is truncated).
 */
export const wrap = (s: string, width: number, lines = 2): Array<string> => {
  const words = s.split(/\s+/).filter((w) => w.length > 0)
  const out: Array<string> = []
  let current = ""
  for (const word of words) {
    if (current === "") current = word
    else if (current.length + 1 + word.length <= width) current = `${current} ${word}`
    else {
      out.push(current)
      current = word
    }
  }
  if (current !== "") out.push(current)
  if (out.length <= lines) return out
  const head = out.slice(0, lines - 1)
  return [...head, truncate(out.slice(lines - 1).join(" "), width)]
}

/** Attributes as ` k="v"` text, skipping `undefined` values. */
export const attrs = (a: Readonly<Record<string, string | number | undefined>>): string =>
  Object.entries(a)
    .filter((e): e is [string, string | number] => e[1] !== undefined)
    .map(([k, v]) => ` ${k}="${typeof v === "number" ? num(v) : esc(v)}"`)
    .join("")

/** An element with escaped attributes and already-rendered children. */
export const el = (
  name: string,
  a: Readonly<Record<string, string | number | undefined>>,
  ...children: ReadonlyArray<string>
): string =>
  children.length === 0 ? `<${name}${attrs(a)}/>` : `<${name}${attrs(a)}>${children.join("")}</${name}>`

/** Makes a string safe to use inside an XML id (letters, digits, `-`, `_`). */
export const idSafe = (s: string): string => {
  const t = clean(s).replace(/[^A-Za-z0-9_-]/g, "-")
  return /^[A-Za-z_]/.test(t) ? t : `c-${t}`
}
