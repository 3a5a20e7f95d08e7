/**
 * What the three playground pages share: the language switch, the page frame,
 * HTML escaping and the report in a sandboxed frame. The pages are bundled by
 * scripts/build-playground.mjs into classic scripts (no ES module, no fetch),
 * so they work from a static host and from file:// alike.
 */
export type Lang = "it" | "en"
export interface Text {
  readonly it: string
  readonly en: string
}

export const esc = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")

export const $ = <E extends Element = HTMLElement>(selector: string): E => {
  const e = document.querySelector<E>(selector)
  if (e === null) throw new Error(`the page has no ${selector}`)
  return e
}

/** The reader's language: from the URL (`lang=en`), else the page's. */
export const langOf = (params: URLSearchParams): Lang => (params.get("lang") === "en" ? "en" : "it")

/** Both languages of a text, the reader's first. */
export const both = (t: Text, lang: Lang): string =>
  lang === "it"
    ? `${esc(t.it)} <span class="other" lang="en">${esc(t.en)}</span>`
    : `${esc(t.en)} <span class="other" lang="it">${esc(t.it)}</span>`

export const pct = (x: number | undefined, lang: Lang): string =>
  x === undefined
    ? "—"
    : `${(x * 100).toLocaleString(lang === "it" ? "it-IT" : "en-GB", { maximumFractionDigits: 0 })}%`

export const num = (x: number | undefined, lang: Lang, digits = 2): string =>
  x === undefined
    ? "—"
    : x.toLocaleString(lang === "it" ? "it-IT" : "en-GB", {
        maximumFractionDigits: digits,
        minimumFractionDigits: digits
      })

/** Shows a self-contained report page in a sandboxed frame (no script runs in it). */
export const showReport = (frame: HTMLIFrameElement, html: string): void => {
  frame.setAttribute("sandbox", "allow-same-origin")
  frame.srcdoc = html
  frame.onload = () => {
    const doc = frame.contentDocument
    if (doc !== null) frame.style.height = `${doc.documentElement.scrollHeight + 20}px`
  }
}

/** Marks the page ready (the browser test and the first-load measure wait for it). */
export const ready = (): void => {
  document.body.dataset.ready = String(Math.round(performance.now()))
}
