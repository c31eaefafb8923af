// Which crates the wasm's code comes from: the module cargo builds (before wasm-bindgen and
// wasm-opt) keeps every function's name, so each function body is counted to the crate that
// starts its path (`yrs::…`, `<yrs::… as …>`, `core::…`). Used to say what the sync engine adds
// to the bundle; see bundle-size.mjs.
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

/** Every function body's bytes, with its name where the module names it. */
export function functions(file) {
  const bytes = readFileSync(file);
  let at = 8;
  let imported = 0;
  const bodies = [];
  const names = new Map();
  while (at < bytes.length) {
    const id = bytes[at++];
    let size;
    [size, at] = leb(bytes, at);
    const end = at + size;
    if (id === 2) {
      // Imports: functions among them take the first indices.
      let count;
      let p;
      [count, p] = leb(bytes, at);
      for (let i = 0; i < count; i++) {
        for (let s = 0; s < 2; s++) {
          let len;
          [len, p] = leb(bytes, p);
          p += len;
        }
        const kind = bytes[p++];
        if (kind === 0) {
          [, p] = leb(bytes, p);
          imported++;
        } else if (kind === 1) {
          p++;
          const flags = bytes[p++];
          [, p] = leb(bytes, p);
          if (flags & 1) [, p] = leb(bytes, p);
        } else if (kind === 2) {
          const flags = bytes[p++];
          [, p] = leb(bytes, p);
          if (flags & 1) [, p] = leb(bytes, p);
        } else if (kind === 3) {
          p += 2;
        } else {
          [, p] = leb(bytes, p);
        }
      }
    } else if (id === 10) {
      let count;
      let p;
      [count, p] = leb(bytes, at);
      for (let i = 0; i < count; i++) {
        let len;
        [len, p] = leb(bytes, p);
        bodies.push({ index: imported + i, bytes: bytes.subarray(p, p + len) });
        p += len;
      }
    } else if (id === 0) {
      let len;
      let p;
      [len, p] = leb(bytes, at);
      const name = bytes.subarray(p, p + len).toString("utf8");
      p += len;
      if (name === "name") {
        while (p < end) {
          const sub = bytes[p++];
          let subSize;
          [subSize, p] = leb(bytes, p);
          const subEnd = p + subSize;
          if (sub === 1) {
            let count;
            let q;
            [count, q] = leb(bytes, p);
            for (let i = 0; i < count; i++) {
              let index;
              let nameLen;
              [index, q] = leb(bytes, q);
              [nameLen, q] = leb(bytes, q);
              names.set(index, bytes.subarray(q, q + nameLen).toString("utf8"));
              q += nameLen;
            }
          }
          p = subEnd;
        }
      }
    }
    at = end;
  }
  return bodies.map(({ index, bytes }) => ({ name: names.get(index) ?? "", bytes }));
}

/** The crate a function's (mangled) name starts with, or "" for a name that says none.
 * Legacy names: `_ZN3yrs3doc…E`, or `_ZN71_$LT$yrs..types..X$u20$as$u20$…$GT$…` for a trait
 * method, counted to the type's crate. v0 names: the first crate root, `C<disambiguator>_3yrs`. */
export function crateOf(name) {
  const legacy = /^_ZN(\d+)/.exec(name);
  if (legacy) {
    let ident = name.slice(legacy[0].length, legacy[0].length + Number(legacy[1]));
    ident = ident.replace(/^_?\$LT\$/, "").replace(/^(?:\$RF\$|\$BP\$|mut\$u20\$|dyn\$u20\$)+/, "");
    return /^[A-Za-z_][A-Za-z0-9_]*/.exec(ident)?.[0] ?? "";
  }
  const v0 = /C(?:s[0-9A-Za-z]*_)?(\d+)/.exec(name);
  if (name.startsWith("_R") && v0) {
    const at = v0.index + v0[0].length;
    return name.slice(at, at + Number(v0[1]));
  }
  return "";
}

/** The path a legacy-mangled name spells (`_ZN9pilotdeck4sync6shared…E` → pilotdeck, sync,
 * shared, …), starting with its crate; for any other name, just the crate. */
export function pathOf(name) {
  const crate = crateOf(name);
  if (!name.startsWith("_ZN") || !crate) return crate ? [crate] : [];
  const path = [];
  let at = 3;
  for (;;) {
    const length = /^\d+/.exec(name.slice(at));
    if (!length) break;
    at += length[0].length;
    path.push(name.slice(at, at + Number(length[0])));
    at += Number(length[0]);
  }
  path[0] = crate;
  return path;
}

/** Raw and gzip bytes of the function bodies whose path starts with one of `prefixes`
 * (`["yrs"]`, `["pilotdeck", "sync"]`). */
export function sizeOf(file, prefixes) {
  const picked = functions(file).filter((f) => {
    const path = pathOf(f.name);
    return prefixes.some((prefix) => prefix.every((part, i) => path[i] === part));
  });
  const joined = Buffer.concat(picked.map((f) => f.bytes));
  return { functions: picked.length, raw: joined.length, gzip: gzipSync(joined, { level: 9 }).length };
}
