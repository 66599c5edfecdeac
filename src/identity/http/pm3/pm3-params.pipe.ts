import { Injectable, type PipeTransform } from '@nestjs/common';
import { pm3Id } from '../../../../libs/dialects/ids.js';
import { ResolveWorkspace } from '../../application/tenants/resolve-workspace.query.js';

/** `{workspace}` → tenant id; an unknown workspace is ProcessMaker's 400. */
@Injectable()
export class Pm3WorkspacePipe implements PipeTransform<string, Promise<string>> {
  constructor(private readonly resolve: ResolveWorkspace) {}

  transform(value: string): Promise<string> {
    return this.resolve.execute(value);
  }
}

/** A 32-character ProcessMaker uid in the path → internal id; malformed is a 400 naming the parameter. */
export class Pm3IdPipe implements PipeTransform<string, string> {
  constructor(private readonly field: string) {}

  transform(value: string): string {
    return pm3Id.decode(value, this.field);
  }
}
