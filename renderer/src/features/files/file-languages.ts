import { markdown } from '@codemirror/lang-markdown';
import { StreamLanguage, type LanguageSupport, type StreamParser } from '@codemirror/language';
import { dockerFile } from '@codemirror/legacy-modes/mode/dockerfile';
import { javascript, json, typescript } from '@codemirror/legacy-modes/mode/javascript';
import { julia } from '@codemirror/legacy-modes/mode/julia';
import { properties } from '@codemirror/legacy-modes/mode/properties';
import { python } from '@codemirror/legacy-modes/mode/python';
import { r } from '@codemirror/legacy-modes/mode/r';
import { shell } from '@codemirror/legacy-modes/mode/shell';
import { toml } from '@codemirror/legacy-modes/mode/toml';
import { yaml } from '@codemirror/legacy-modes/mode/yaml';
import type { Language } from '@codemirror/language';

// Part of the editor's lazy chunk: imported only by the editor and the notebook view.

const streams: Record<string, StreamParser<unknown>> = {
  python: python,
  shell: shell,
  r: r,
  julia: julia,
  javascript: javascript,
  typescript: typescript,
  json: json,
  yaml: yaml,
  toml: toml,
  properties: properties,
  dockerfile: dockerFile,
};

const BY_EXTENSION: Record<string, string> = {
  py: 'python', sh: 'shell', bash: 'shell', zsh: 'shell', r: 'r', jl: 'julia', js: 'javascript', mjs: 'javascript',
  cjs: 'javascript', ts: 'typescript', json: 'json', orchest: 'json', ipynb: 'json', yaml: 'yaml', yml: 'yaml',
  toml: 'toml', cfg: 'properties', ini: 'properties', conf: 'properties', env: 'properties', gitignore: 'shell',
  dockerignore: 'shell', md: 'markdown', markdown: 'markdown',
};

/** The language a file's name says, by name (Dockerfile) or extension; undefined for plain text. */
export function languageNameOf(fileName: string): string | undefined {
  const name = fileName.toLowerCase();
  if (name === 'dockerfile' || name.startsWith('dockerfile.') || name.endsWith('.dockerfile')) return 'dockerfile';
  const dot = name.lastIndexOf('.');
  return dot < 0 ? undefined : BY_EXTENSION[name.slice(dot + 1)];
}

const cache = new Map<string, Language | LanguageSupport>();

/** CodeMirror's language for a language name (also a notebook's kernel language), if it has one. */
export function codeLanguage(name: string | undefined): Language | LanguageSupport | undefined {
  if (!name) return undefined;
  const key = name.toLowerCase();
  let language = cache.get(key);
  if (!language) {
    if (key === 'markdown') language = markdown();
    else if (streams[key]) language = StreamLanguage.define(streams[key]);
    else return undefined;
    cache.set(key, language);
  }
  return language;
}
