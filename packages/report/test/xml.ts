/**
 * A tiny XML well-formedness check for the tests: balanced tags, quoted
 * attributes without duplicates, known entities, no stray `<` or `&`.
 * Returns the problems found (empty when well-formed).
 */
export const wellFormed = (xml: string): Array<string> => {
  const problems: Array<string> = []
  const stack: Array<string> = []
  const entity = /^&(amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/
  const checkText = (t: string, at: number) => {
    for (let i = t.indexOf("&"); i >= 0; i = t.indexOf("&", i + 1))
      if (!entity.test(t.slice(i))) problems.push(`bad entity at ${at + i}`)
  }
  let i = 0
  while (i < xml.length) {
    const lt = xml.indexOf("<", i)
    if (lt < 0) {
      checkText(xml.slice(i), i)
      break
    }
    checkText(xml.slice(i, lt), i)
    const gt = xml.indexOf(">", lt)
    if (gt < 0) {
      problems.push(`unclosed tag at ${lt}`)
      break
    }
    const tag = xml.slice(lt + 1, gt)
    i = gt + 1
    if (tag.startsWith("?") || tag.startsWith("!--")) continue
    if (tag.startsWith("/")) {
      const name = tag.slice(1).trim()
      const open = stack.pop()
      if (open !== name) problems.push(`</${name}> closes <${open}>`)
      continue
    }
    const selfClosing = tag.endsWith("/")
    const body = selfClosing ? tag.slice(0, -1) : tag
    const m = /^([A-Za-z_][\w:.-]*)((?:\s+[A-Za-z_][\w:.-]*="[^"<]*")*)\s*$/.exec(body)
    if (m === null) {
      problems.push(`malformed tag <${tag.slice(0, 40)}>`)
      continue
    }
    const names = [...m[2]!.matchAll(/([A-Za-z_][\w:.-]*)="([^"]*)"/g)]
    const seen = new Set<string>()
    for (const [, n, v] of names) {
      if (seen.has(n!)) problems.push(`duplicate attribute ${n}`)
      seen.add(n!)
      checkText(v!, lt)
    }
    if (!selfClosing) stack.push(m[1]!)
  }
  if (stack.length > 0) problems.push(`unclosed <${stack.join("> <")}>`)
  return problems
}

/** The `points` of every `<polygon>` of a series group, as numbers. */
export const seriesPoints = (svg: string): Array<Array<[number, number]>> =>
  [...svg.matchAll(/<g class="series"[^>]*><polygon points="([^"]*)"/g)].map((m) =>
    m[1]!
      .split(" ")
      .filter((p) => p !== "")
      .map((p) => p.split(",").map(Number) as [number, number])
  )
