import { EngineErrors } from '../../domain/process-engine.errors.js';
import { readBpmn } from '../../infrastructure/bpmn/read-bpmn.js';

/** What a process model's BPMN says about itself: the first process's id (the model key) and name. */
export interface BpmnSummary {
  readonly key: string;
  readonly name: string | null;
  readonly documentation: string | null;
}

/**
 * Validates BPMN with the deployer's reader (no DTDs or entities, compiles every process):
 * invalid → 400 naming `field`, with every problem in the message. Nothing is stored by callers
 * before this returns.
 */
export async function validateBpmn(xml: string | Buffer, field: string): Promise<BpmnSummary> {
  const result = await readBpmn(xml);
  if (!result.ok) throw EngineErrors.invalidModelBpmn(field, result.problems);
  const first = result.models[0];
  if (!first) throw EngineErrors.invalidModelBpmn(field, [{ elementId: null, message: 'the document holds no process' }]);
  return { key: first.id, name: first.name, documentation: first.documentation };
}

/**
 * The text a BPMN upload is stored as. A UTF-8 document is kept byte for byte (export answers the
 * very bytes); UTF-16 (byte order mark) and Latin-1 (declared) documents, which the reader accepts
 * too, are converted to UTF-8 and their declaration says so, so that the stored XML stays true to
 * itself.
 */
export function bpmnText(bytes: Buffer): string {
  let text: string | null = null;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = bytes.subarray(2).toString('utf16le');
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  else if (/^\s*<\?xml[^>]*encoding=["'](iso-8859-1|latin-?1|windows-1252)["']/i.test(bytes.subarray(0, 200).toString('latin1'))) text = bytes.toString('latin1');
  if (text === null) return bytes.toString('utf8');
  return text.replace(/^(\s*<\?xml[^>]*?\sencoding=)["'][^"']*["']/, '$1"UTF-8"');
}

/** An XML NCName usable as a BPMN process id, from a model name ("Holiday request" → "holidayRequest"). */
export function keyFromName(name: string): string {
  const words = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, ' ').trim().split(' ').filter((w) => w !== '');
  const camel = words.map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1))).join('');
  const key = /^[A-Za-z_]/.test(camel) ? camel : `process${camel}`;
  return key.slice(0, 255);
}

export const MODEL_KEY_PATTERN = /^[A-Za-z_][A-Za-z0-9_.-]{0,254}$/;

const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** The BPMN a new process model starts with: none start → none end, valid and deployable. */
export function minimalBpmn(key: string, name: string, description: string | null): string {
  const documentation = description ? `\n    <documentation>${escapeXml(description)}</documentation>` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:activiti="http://activiti.org/bpmn" id="definitions_${key}" targetNamespace="http://www.activiti.org/processdef">
  <process id="${key}" name="${escapeXml(name)}" isExecutable="true">${documentation}
    <startEvent id="startEvent1"/>
    <sequenceFlow id="flow1" sourceRef="startEvent1" targetRef="endEvent1"/>
    <endEvent id="endEvent1"/>
  </process>
</definitions>
`;
}

/** The JSON of an app model (type 3): the process models it bundles, and how its tile looks. */
export interface AppDefinitionContent {
  readonly models: ReadonlyArray<{ readonly id: number }>;
  readonly theme: string;
  readonly icon: string;
}

export const DEFAULT_APP_THEME = 'theme-1';
export const DEFAULT_APP_ICON = 'glyphicon-asterisk';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Parses an app definition's JSON as Alfresco's modeler writes it: `{models: [{id, …}], theme, icon}`;
 * `models` may also hold plain ids. Unknown members are dropped. Bad shape → 400 naming the member.
 */
export function parseAppDefinition(raw: string, field: string): AppDefinitionContent {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw EngineErrors.invalidModelContent(field, 'The app definition is not valid JSON');
  }
  if (!isObject(json)) throw EngineErrors.invalidModelContent(field, 'The app definition must be a JSON object');
  const rawModels = json.models ?? [];
  if (!Array.isArray(rawModels)) throw EngineErrors.invalidModelContent(`${field}.models`, 'models must be an array');
  const ids = rawModels.map((m, i) => {
    const id = isObject(m) ? m.id : m;
    const n = typeof id === 'string' && /^\d{1,15}$/.test(id) ? Number(id) : id;
    if (typeof n !== 'number' || !Number.isSafeInteger(n) || n <= 0) {
      throw EngineErrors.invalidModelContent(`${field}.models[${i}]`, 'each entry of models must be a model id or an object with a numeric id');
    }
    return n;
  });
  if (new Set(ids).size !== ids.length) throw EngineErrors.invalidModelContent(`${field}.models`, 'a model is listed twice');
  const text = (name: 'theme' | 'icon', fallback: string): string => {
    const v = json[name];
    if (v === undefined || v === null) return fallback;
    if (typeof v !== 'string' || v.length > 255) throw EngineErrors.invalidModelContent(`${field}.${name}`, `${name} must be a string of at most 255 characters`);
    return v;
  };
  return { models: ids.map((id) => ({ id })), theme: text('theme', DEFAULT_APP_THEME), icon: text('icon', DEFAULT_APP_ICON) };
}

export function emptyAppDefinition(): AppDefinitionContent {
  return { models: [], theme: DEFAULT_APP_THEME, icon: DEFAULT_APP_ICON };
}

/** Forms, step processes and decision tables: any JSON object (their editors are later issues). */
export function parseJsonContent(raw: string, field: string): string {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw EngineErrors.invalidModelContent(field, 'The model content is not valid JSON');
  }
  if (!isObject(json)) throw EngineErrors.invalidModelContent(field, 'The model content must be a JSON object');
  return JSON.stringify(json);
}
