// The web editor's own code: the YAML format of the campaign files, then Decap CMS started with config.yml.
//
// The files may use the model's short forms: a task written as its text alone, a section of one item,
// one line where a list is meant. The form needs the full form, so short forms are opened as full
// ones, and a task or section that holds nothing but its text is saved short again, as staff and the
// importer write it. short-forms.json, made from the model, says where each one may stand.
import { YAML } from "./yaml/index.js";

function at(data, path, change) {
  // Apply `change` to every value `path` ("responsibilities.*.tasks.*") reaches; it returns the new value.
  const [key, ...rest] = path;
  if (data === null || typeof data !== "object") return;
  const keys = key === "*" ? (Array.isArray(data) ? data.keys() : []) : [key];
  for (const k of keys) {
    if (!(k in data)) continue;
    if (rest.length === 0) data[k] = change(data[k]);
    else at(data[k], rest, change);
  }
}

function expand(value, where) {
  if (typeof value !== "string") return value;
  return where.reduceRight((inner, key) => (typeof key === "number" ? [inner] : { [key]: inner }), value);
}

function collapse(value, where) {
  // The text alone when the full form holds nothing else; lists of one line stay lists.
  if (typeof where[0] === "number") return value;
  let inner = value;
  for (const key of where) {
    const container = typeof key === "number" ? Array.isArray(inner) && inner.length === 1 : inner && typeof inner === "object" && Object.keys(inner).length === 1;
    if (!container || !(key in inner)) return value;
    inner = inner[key];
  }
  return typeof inner === "string" ? inner : value;
}

function pruned(value) {
  // What a form leaves empty is left out of the file: "", null, [] and {} (the model reads them as absent).
  // Left out on opening too: a form's number box takes `number: null` for 0.
  if (Array.isArray(value)) return value.map(pruned);
  if (value === null || typeof value !== "object") return value;
  const out = {};
  for (const [key, item] of Object.entries(value)) {
    const kept = pruned(item);
    const empty = kept === "" || kept === null || kept === undefined
      || (Array.isArray(kept) && kept.length === 0) || (typeof kept === "object" && Object.keys(kept).length === 0);
    if (!empty) out[key] = kept;
  }
  return out;
}

function sorted(node, order) {
  // The form's field order first, then any other key in the order the file had it.
  const rank = (key) => (order.includes(key) ? order.indexOf(key) : order.length);
  node.items.sort((a, b) => rank(String(a.key)) - rank(String(b.key)));
  return node;
}

// The site reads YAML 1.1 (PyYAML): a form's text `yes`, `on` or `1:20` must be written quoted, or it would be
// read back as true or 80. Dates are read as the text staff wrote (`2026-04-15`), as the model reads them.
const YAML_1_1 = { version: "1.1" };
const OPENING_COMMENT = "#comment";
// Plain values are read as PyYAML (SafeLoader) reads them, resolver for resolver: YAML 1.1's types, but not
// `y`, `n` or `nO` as booleans, nor `E0` as a number; dates stay the text staff wrote.
const sexagesimal = (text) => text.split(":").reduce((sum, part) => sum * 60 + Number(part), 0);
function pyInt(text) {
  const clean = text.replace(/_/g, "");
  const sign = clean.startsWith("-") ? -1 : 1;
  const digits = clean.replace(/^[-+]/, "");
  if (digits.startsWith("0b")) return sign * parseInt(digits.slice(2), 2);
  if (digits.startsWith("0x")) return sign * parseInt(digits.slice(2), 16);
  if (digits.includes(":")) return sign * sexagesimal(digits);
  if (digits.length > 1 && digits.startsWith("0")) return sign * parseInt(digits, 8);
  return sign * parseInt(digits, 10);
}
function pyFloat(text) {
  const clean = text.replace(/_/g, "").toLowerCase();
  const sign = clean.startsWith("-") ? -1 : 1;
  const digits = clean.replace(/^[-+]/, "");
  if (digits === ".inf") return sign * Infinity;
  if (digits === ".nan") return NaN;
  if (digits.includes(":")) return sign * sexagesimal(digits);
  return sign * parseFloat(digits);
}
const PYYAML = [
  ["null", /^(?:~|null|Null|NULL|)$/, () => null],
  ["bool", /^(?:yes|Yes|YES|true|True|TRUE|on|On|ON)$/, () => true],
  ["bool", /^(?:no|No|NO|false|False|FALSE|off|Off|OFF)$/, () => false],
  ["int", /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/, pyInt],
  ["float", /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/, pyFloat],
].map(([type, test, resolve]) => ({
  identify: () => false, default: true, tag: `tag:yaml.org,2002:${type}`, test, resolve: (text) => resolve(text),
}));
const READ = {
  ...YAML_1_1,
  prettyErrors: true,
  customTags: (tags) => [...tags.filter((tag) => /:(?:map|seq|str)$/.test(String(tag.tag))), ...PYYAML],
};

// PyYAML reads a plain `=` or `<<` as a "value" or a "merge" it cannot load as text. The writer quotes any text
// that would be read back as something else, so these two are declared as such (only for writing).
const WRITE = {
  ...YAML_1_1,
  customTags: (tags) => [
    ...tags,
    ...[["value", /^=$/], ["merge", /^<<$/]].map(([type, test]) => ({
      identify: () => false, tag: `tag:yaml.org,2002:${type}`, test, resolve: () => null,
    })),
  ],
};

export function campaignYaml(shortForms) {
  return {
    fromFile(text) {
      const document = YAML.parseDocument(text, READ);
      if (document.errors.length > 0) throw new Error(document.errors.map((e) => e.message).join("\n"));
      const data = pruned(document.toJSON() ?? {});
      // The comment the file opens with (what the document is) is kept with the data: the form has no
      // field for it, so the CMS passes it through untouched, and it is written back at the top.
      const opening = document.commentBefore ?? document.contents?.commentBefore ?? document.contents?.items?.[0]?.commentBefore;
      if (opening) data[OPENING_COMMENT] = opening;
      for (const { path, where } of shortForms) at(data, path.split("."), (value) => expand(value, where));
      return data;
    },
    toFile(data, sortedKeys = []) {
      const { [OPENING_COMMENT]: opening, ...rest } = data;
      const copy = pruned(rest);
      for (const { path, where } of shortForms) at(copy, path.split("."), (value) => collapse(value, where));
      const document = new YAML.Document(WRITE);
      document.contents = sorted(YAML.createNode(copy), sortedKeys);
      if (opening) document.commentBefore = opening;
      return document.toString();
    },
  };
}

// Markdown pages and posts: their settings between two `---` lines, in the same YAML as the data files, then
// the text as staff wrote it, byte for byte.
const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;

export function campaignMarkdown() {
  const yaml = campaignYaml([]);
  return {
    fromFile(text) {
      const found = text.startsWith("---") ? FRONT_MATTER.exec(text) : null;
      if (!found || found.index !== 0) return { body: text };
      return { ...yaml.fromFile(found[1]), body: text.slice(found[0].length) };
    },
    toFile(data, sortedKeys = []) {
      const { body = "", ...settings } = data;
      const written = Object.keys(pruned(settings)).length > 0 ? yaml.toFile(settings, sortedKeys) : "";
      return written ? `---\n${written}---\n${body}` : body;
    },
  };
}

function merged(base, extra) {
  const out = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    out[key] = value && typeof value === "object" ? merged(base?.[key] ?? {}, value) : value;
  }
  return out;
}

// When the form refuses a save (a required field empty, a date that does not exist), Decap shows why beside
// each field and rejects its save with nothing: that rejection is not an error of the page.
function refusedSavesAreNotErrors() {
  window.addEventListener("unhandledrejection", (event) => {
    if (event.reason === undefined) event.preventDefault();
  });
}

// The local back end (decap-server) says "this entry has no draft" with a 404, which the browser logs as an
// error on every entry opened. The list of drafts is asked for first, and that answer is given here instead.
const LOCAL_BACK_END = /^http:\/\/(?:127\.0\.0\.1|localhost):\d+\/api\/v1$/;

function noDraftIsNotAnError() {
  const send = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const body = LOCAL_BACK_END.test(String(input)) && typeof init?.body === "string" ? JSON.parse(init.body) : null;
    if (body?.action === "unpublishedEntry") {
      const { id, collection, slug, branch } = body.params;
      const drafts = await send(input, { ...init, body: JSON.stringify({ branch: body.branch, action: "unpublishedEntries", params: { branch } }) });
      const keys = drafts.ok ? await drafts.json() : null;
      if (Array.isArray(keys) && !keys.includes(id ?? `${collection}/${slug}`)) {
        return new Response(JSON.stringify({ message: "Not Found" }), { status: 404, headers: { "Content-Type": "application/json" } });
      }
    }
    return send(input, init);
  };
}

async function start() {
  refusedSavesAreNotErrors();
  noDraftIsNotAnError();
  const [shortForms, vietnamese] = await Promise.all(
    ["short-forms.json", "vi-phrases.json"].map((name) => fetch(name).then((response) => response.json())),
  );
  // The phrases Decap's Vietnamese interface lacks ("Add …" on every list) or cuts short ("Trạng: …").
  window.CMS.registerLocale("vi", merged(window.CMS.getLocale("vi"), vietnamese));
  window.CMS.registerCustomFormat("campaign-yaml", "yaml", campaignYaml(shortForms));
  window.CMS.registerCustomFormat("campaign-markdown", "md", campaignMarkdown());
  window.CMS.init();
}

if (typeof window !== "undefined" && window.CMS) start();
