// TypeDoc plugin of the API site (issue 19):
// 1. Namespace pages get their module's overview: a namespace re-exported as
//    `export * as Assessment from "./Assessment.js"` shows, under its one-line
//    summary, the leading comment of `src/Assessment.ts` (the module's overview)
//    and that comment's `@example` as the namespace's main example (else the
//    first example of its members, in source order). The overview is written
//    once, in the module, and its example is compiled with the others
//    (scripts/extract-examples.mjs reads every @example).
// 2. The index page shows its title once (TypeDoc's page title and the
//    README's first heading are the same text).
// 3. The header's navigation links work from every folder of the site; the
//    guides' links to the playground land on the built pages, and the
//    README's module table links the modules' API pages.
// 4. Every page carries its icons: the `<use href="…/assets/icons.svg#icon-x">`
//    references become `#icon-x` with the sprite inlined once in the page, so
//    nothing is fetched and the site opens from file:// without console errors
//    (chromium blocks a file:// page from reading another file's SVG).
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { Comment, CommentTag, Converter, MinimalSourceFile, ReflectionKind, RendererEvent } from "typedoc"

const root = resolve(import.meta.dirname, "..")

/** Package name -> its src folder. */
const sources = new Map(
  readdirSync(join(root, "packages"))
    .map((d) => join(root, "packages", d))
    .filter((d) => existsSync(join(d, "package.json")))
    .map((d) => [JSON.parse(readFileSync(join(d, "package.json"), "utf8")).name, join(d, "src")])
)

/** The leading doc comment of a module file, as overview text and example code. */
const leadingComment = (file) => {
  const text = readFileSync(file, "utf8")
  const m = /^\/\*\*([\s\S]*?)\*\//.exec(text)
  if (m === null) return undefined
  const lines = m[1].split("\n").map((l) => l.replace(/^\s*\* ?/, ""))
  const overview = []
  const examples = []
  let current = overview
  for (const line of lines) {
    if (/^@example/.test(line)) {
      current = []
      examples.push(current)
      continue
    }
    if (/^@\w+/.test(line)) {
      current = null
      continue
    }
    if (current !== null) current.push(line)
  }
  return { overview: overview.join("\n").trim(), examples: examples.map((e) => e.join("\n").trim()) }
}

/** The package a reflection belongs to: the first ancestor named as a package of the workspace. */
const packageOf = (reflection) => {
  for (let r = reflection.parent; r !== undefined; r = r.parent) {
    if (sources.has(r.packageName)) return r.packageName
    if (sources.has(r.name)) return r.name
  }
  return undefined
}

/** @param {import("typedoc").Application} app */
export const load = (app) => {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const ns of context.project.getReflectionsByKind(ReflectionKind.Namespace)) {
      const src = sources.get(packageOf(ns))
      if (src === undefined || ns.parent?.kindOf(ReflectionKind.Namespace)) continue
      const file = join(src, `${ns.name}.ts`)
      if (!existsSync(file)) continue
      const lead = leadingComment(file)
      if (lead === undefined || lead.overview === "") continue
      // Parsed as TypeDoc parses a document, so `{@link ...}` and code blocks work.
      const parse = (text) =>
        context.converter.parseRawComment(new MinimalSourceFile(text, file), context.project.files).content
      const comment = ns.comment ?? new Comment()
      const summary = comment.summary
        .map((p) => p.text)
        .join("")
        .trim()
      comment.summary =
        summary !== "" && !lead.overview.startsWith(summary)
          ? [...comment.summary, { kind: "text", text: "\n\n" }, ...parse(lead.overview)]
          : parse(lead.overview)
      for (const code of lead.examples) comment.blockTags.push(new CommentTag("@example", parse(code)))
      // No example in the module's overview: the first example of its members, in source order.
      if (!comment.blockTags.some((t) => t.tag === "@example")) {
        const first = (ns.children ?? [])
          .map((c) => [c, (c.comment ?? c.signatures?.[0]?.comment)?.getTag("@example")])
          .find(([, tag]) => tag !== undefined)
        if (first !== undefined)
          comment.blockTags.push(
            new CommentTag("@example", [
              { kind: "text", text: `From \`${first[0].name}\`:\n\n` },
              ...first[1].content.map((p) => ({ ...p }))
            ])
          )
      }
      ns.comment = comment
    }
  })

  app.renderer.on(RendererEvent.END, (event) =>
    finish(event.outputDirectory, Object.values(app.options.getValue("navigationLinks")))
  )
}

/** The rewrites of the written site (idempotent: `node scripts/typedoc-plugin.mjs docs/api` reruns them). */
export const finish = (out, navigation) => {
  navigationLinks(out, navigation)
  playgroundLinks(out)
  moduleLinks(out)
  inlineIcons(out)
  singleTitle(join(out, "index.html"))
}

/** The index page shows the README, whose first heading is the site's title: drop the page title above it. */
const singleTitle = (page) => {
  if (!existsSync(page)) return
  const html = readFileSync(page, "utf8")
  const m =
    /<div class="tsd-page-title">\s*<h1>([^<]*)<\/h1><\/div>(\s*<div class="tsd-panel tsd-typography"><h1 [^>]*>)([^<]*)/.exec(
      html
    )
  if (m !== null && m[1].trim() === m[3].trim()) writeFileSync(page, html.replace(m[0], `${m[2]}${m[3]}`))
}

/**
 * TypeDoc writes typedoc.json's relative navigationLinks as they are on every
 * page: on pages in a folder (documents/, modules/, ...) they go up first.
 */
const navigationLinks = (out, links) => {
  const relative = links.filter((l) => !/^[a-z]+:|^\/|^#/i.test(l))
  for (const page of htmlPages(out)) {
    const depth = page.slice(out.length + 1).split(/[\\/]/).length - 1
    if (depth === 0) continue
    const up = "../".repeat(depth)
    const html = readFileSync(page, "utf8")
    let rewritten = html
    for (const l of relative) rewritten = rewritten.replaceAll(`<a href="${l}"`, `<a href="${up}${l}"`)
    if (rewritten !== html) writeFileSync(page, rewritten)
  }
}

const playgroundPages = ["assess", "validate", "explore"]

/**
 * The guides link the playground's page sources (docs/playground/<page>.html),
 * so TypeDoc checks that they exist, and copies them to media/: the links go to
 * the built pages instead (playground/, written by scripts/build-playground.mjs).
 */
const playgroundLinks = (out) => {
  for (const page of htmlPages(out)) {
    const html = readFileSync(page, "utf8")
    const rewritten = html.replace(/\bmedia\/(assess|validate|explore)\.html/g, "playground/$1.html")
    if (rewritten !== html) writeFileSync(page, rewritten)
  }
  for (const p of playgroundPages) rmSync(join(out, "media", `${p}.html`), { force: true })
}

/**
 * The README's module table links each module's source (`packages/core/src/Actor.ts`),
 * which reads well on GitHub; on the site those links go to the module's API page.
 */
const moduleLinks = (out) => {
  const modules = join(out, "modules")
  if (!existsSync(modules)) return
  const pageOf = (name) =>
    [
      `_welfare_core.index.${name}.html`,
      `_welfare_interop.${name}.html`,
      `_welfare_report.${name}.html`,
      `_welfare_sheets.${name}.html`
    ].find((f) => existsSync(join(modules, f)))
  const linked = new Set()
  for (const page of htmlPages(out)) {
    const html = readFileSync(page, "utf8")
    const rewritten = html.replace(/href="((?:\.\.\/)*)media\/([A-Z]\w*)\.ts"/g, (whole, up, name) => {
      const target = pageOf(name)
      if (target === undefined) return whole
      linked.add(name)
      return `href="${up}modules/${target}"`
    })
    if (rewritten !== html) writeFileSync(page, rewritten)
  }
  for (const name of linked) rmSync(join(out, "media", `${name}.ts`), { force: true })
}

const htmlPages = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? htmlPages(join(dir, e.name)) : e.name.endsWith(".html") ? [join(dir, e.name)] : []
  )

/** Rewrites every page so that it carries its own icon sprite. */
const inlineIcons = (out) => {
  const sprite = join(out, "assets", "icons.svg")
  if (!existsSync(sprite)) return
  const svg = readFileSync(sprite, "utf8").replace(/^<\?xml[^>]*>\s*/, "")
  const hidden = svg.replace(/^<svg\b/, '<svg aria-hidden="true" style="display:none"')
  for (const page of htmlPages(out)) {
    const html = readFileSync(page, "utf8")
    if (!html.includes("icons.svg#")) continue
    const rewritten = html
      .replace(/href="[^"]*assets\/icons\.svg#/g, 'href="#')
      .replace(/<body([^>]*)>/, (b) => `${b}${hidden}`)
    writeFileSync(page, rewritten)
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] !== undefined) {
  const config = JSON.parse(readFileSync(join(root, "typedoc.json"), "utf8"))
  finish(resolve(process.argv[2]), Object.values(config.navigationLinks ?? {}))
}
