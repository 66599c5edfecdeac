/** bpmn-moddle 10 ships no type file for its main entry: the little that read-bpmn uses. */
declare module 'bpmn-moddle' {
  export interface ModdleWarning {
    message: string;
    error?: Error;
    element?: { $type: string; id?: unknown };
    property?: string;
    value?: unknown;
  }
  export interface ParseResult {
    rootElement: unknown;
    warnings: ReadonlyArray<ModdleWarning>;
  }
  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>, options?: Record<string, unknown>);
    fromXML(xml: string, typeName?: string): Promise<ParseResult>;
  }
  const defaultExport: typeof BpmnModdle | undefined;
  export default defaultExport;
}
