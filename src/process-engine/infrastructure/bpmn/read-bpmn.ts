import * as ns from 'bpmn-moddle';
import type { ModdleWarning } from 'bpmn-moddle';
import type { CompileResult, ModelProblem } from '../../domain/model/process-model.js';
import { compileProcessModels } from '../../domain/model/compile-process-model.js';
import activiti from './activiti.moddle.json' with { type: 'json' };
import flowable from './flowable.moddle.json' with { type: 'json' };
import camunda from './camunda.moddle.json' with { type: 'json' };

const BpmnModdle = (ns as { BpmnModdle?: typeof ns.BpmnModdle }).BpmnModdle ?? (ns as unknown as { default: typeof ns.BpmnModdle }).default;

export const MAX_BPMN_BYTES = 10 * 1024 * 1024;
export const MAX_BPMN_DEPTH = 200;

/**
 * The three extension namespaces define the same attribute names (assignee, async, …), which one
 * moddle instance cannot hold at once ("property already defined"). So there is one moddle per
 * namespace, chosen by the namespace the document declares (activiti, then flowable, then camunda);
 * attributes of a second namespace in the same document stay in `$attrs`, where the compiler reads
 * them too (under their usual prefix).
 */
const EXTENSIONS = [
  { uri: 'http://activiti.org/bpmn', packages: { activiti } },
  { uri: 'http://flowable.org/bpmn', packages: { flowable } },
  { uri: 'http://camunda.org/schema/1.0/bpmn', packages: { camunda } },
] as const;
const moddles = new Map<string, InstanceType<typeof BpmnModdle>>();
function moddleFor(xml: string): InstanceType<typeof BpmnModdle> {
  const ext = EXTENSIONS.find((e) => xml.includes(e.uri));
  const key = ext?.uri ?? '';
  let m = moddles.get(key);
  if (!m) {
    m = new BpmnModdle(ext ? { ...ext.packages } : {});
    moddles.set(key, m);
  }
  return m;
}

/** UTF-8 unless a UTF-16 byte order mark or a Latin-1 XML declaration says otherwise. */
function decode(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  const declaration = bytes.subarray(0, 200).toString('latin1');
  if (/^\s*<\?xml[^>]*encoding=["'](iso-8859-1|latin-?1|windows-1252)["']/i.test(declaration)) return bytes.toString('latin1');
  return bytes.toString('utf8');
}

function fail(message: string, elementId: string | null = null): CompileResult {
  return { ok: false, problems: [{ elementId, message }] };
}

/**
 * The deepest element nesting, counted with a linear scan of tags (no parser, no recursion), so
 * that a pathological document is refused quickly. Quoted attribute values may contain `>`.
 * Stops counting past `limit`.
 */
export function nestingDepth(xml: string, limit: number): number {
  let depth = 0;
  let max = 0;
  let i = xml.indexOf('<');
  while (i >= 0) {
    const next = xml[i + 1];
    if (next === '!' || next === '?') {
      // comment, CDATA or processing instruction: skip to its end
      const end = xml.startsWith('<!--', i) ? xml.indexOf('-->', i + 4) : xml.startsWith('<![CDATA[', i) ? xml.indexOf(']]>', i + 9) : xml.indexOf('>', i + 2);
      if (end < 0) break;
      i = xml.indexOf('<', end);
      continue;
    }
    let j = i + 1;
    let quote = '';
    for (; j < xml.length; j++) {
      const c = xml[j];
      if (quote) {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '>') break;
    }
    if (j >= xml.length) break;
    if (next === '/') depth--;
    else if (xml[j - 1] !== '/') {
      depth++;
      if (depth > max) max = depth;
      if (max > limit) return max;
    }
    i = xml.indexOf('<', j + 1);
  }
  return max;
}

/**
 * Reads a BPMN 2.0 document (bytes as uploaded) into executable models: refuses DTDs and entity
 * declarations (XXE, entity expansion), oversized and over-deep documents, then parses with
 * bpmn-moddle (with the activiti/flowable/camunda extension descriptors), treats its warnings
 * as problems, and compiles with compileProcessModels. Never throws for bad input: problems.
 */
export async function readBpmn(bytes: Buffer | string): Promise<CompileResult> {
  const size = typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length;
  if (size > MAX_BPMN_BYTES) return fail(`The document is larger than ${MAX_BPMN_BYTES / 1024 / 1024} MB`);
  // decoded already: the declaration's encoding no longer applies (bpmn-moddle warns about any but UTF-8)
  const xml = (typeof bytes === 'string' ? bytes : decode(bytes)).replace(/^\uFEFF/, '').replace(/^(\s*<\?xml[^>]*?)\s+encoding=["'][^"']*["']/, '$1');
  if (!xml.trim()) return fail('The document is empty');
  if (!xml.trimStart().startsWith('<')) return fail('The document is not XML');
  if (/<!DOCTYPE/i.test(xml) || /<!ENTITY/i.test(xml)) return fail('Document type declarations and entities are not allowed in BPMN documents');
  if (nestingDepth(xml, MAX_BPMN_DEPTH) > MAX_BPMN_DEPTH) return fail(`Elements are nested deeper than ${MAX_BPMN_DEPTH} levels`);
  let parsed: Awaited<ReturnType<InstanceType<typeof BpmnModdle>['fromXML']>>;
  try {
    parsed = await moddleFor(xml).fromXML(xml);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (/failed to parse document as <bpmn:Definitions>/.test(message)) return fail('The document is not BPMN 2.0 (its root element is not bpmn:definitions)');
    const cause = /nested error: (.*)/.exec(message)?.[1]?.trim();
    return fail(`The document is not well-formed XML: ${firstLine(message)}${cause ? ` (${cause})` : ''}${at(message)}`);
  }
  try {
    return compileProcessModels(parsed.rootElement, parsed.warnings.filter((w) => !ignorable(w)).map(toProblem));
  } catch (e) {
    // the compiler reports problems; an exception here is a bug, but the caller still gets a problem
    return fail(`The document could not be compiled: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * Warnings that do not make a model wrong for this engine: vendor attributes and elements of the
 * activiti/flowable/camunda namespaces that the descriptors do not list (the engine does not run
 * them, exactly like extensions in any other namespace), and type references of data objects
 * (`itemSubjectRef="xsd:string"` in Activiti exports), which the engine ignores.
 */
function ignorable(w: ModdleWarning): boolean {
  if (/^unknown attribute <(activiti|flowable|camunda):/.test(w.message)) return true;
  if (/^unknown type <(activiti|flowable|camunda):/.test(w.error?.message ?? '')) return true;
  return w.property === 'bpmn:itemSubjectRef' || w.property === 'bpmn:structureRef';
}

/** bpmn-moddle's warnings, said in the model's terms where they can be. */
function toProblem(w: ModdleWarning): ModelProblem {
  const cause = w.error?.message ?? '';
  const duplicate = /^duplicate ID <(.*)>$/.exec(cause);
  if (duplicate) return { elementId: duplicate[1]!, message: `Duplicate id '${duplicate[1]}'` + at(w.message) };
  const unknownType = /^unknown type <(.*)>$/.exec(cause);
  if (unknownType) return { elementId: null, message: `Unknown element <${unknownType[1]}>` + at(w.message) };
  if (w.element && w.property && /unresolved reference/.test(w.message)) {
    const id = typeof w.element.id === 'string' ? w.element.id : null;
    return { elementId: id, message: `${w.property} of '${id ?? w.element.$type}' refers to '${String(w.value)}', which does not exist` };
  }
  return { elementId: null, message: firstLine(w.message) + (cause ? `: ${firstLine(cause)}` : '') + at(w.message) };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}
function at(message: string): string {
  const line = /line: (\d+)/.exec(message);
  return line ? ` (line ${Number(line[1]) + 1})` : '';
}

export type { ModelProblem };
