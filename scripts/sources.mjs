/**
 * The source files of every package (`packages/<name>/src`), for the
 * repository's checks (categories, import cycles, function length): one walk,
 * each check saying which folders it skips and which files it reads.
 */
import { existsSync, readdirSync, statSync } from "node:fs"
import { join } from "node:path"

const walk = (dir, skipDirs, file) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return skipDirs.includes(name) ? [] : walk(path, skipDirs, file)
    return file(name) ? [path] : []
  })

/**
 * Each package that has a `src` folder: its name, that folder and the files
 * below it that `file(name)` keeps, leaving out the folders named in `skipDirs`.
 */
export const packageSources = (root, { skipDirs, file }) => {
  const packages = join(root, "packages")
  return readdirSync(packages).flatMap((name) => {
    const src = join(packages, name, "src")
    return existsSync(src) && statSync(src).isDirectory()
      ? [{ name, src, files: walk(src, skipDirs, file) }]
      : []
  })
}
