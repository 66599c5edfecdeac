import { Controller, HttpCode, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiApsErrors } from '../../../../libs/dialects/openapi-errors.js';
import { CurrentPrincipal, type Principal } from '../../../identity/index.js';
import { ImportProcessModel } from '../../application/models/import-process-model.use-case.js';
import { APS_ENTERPRISE, ApsEngineAuth } from './aps-engine.support.js';
import { ApsBpmnUploadDto } from './models.dto.js';
import { ApsModelResponse } from './models-response.dto.js';
import { type ApsModel, toApsModel } from './models.mapper.js';
import { BpmnFileInterceptor, requireFile, type UploadedBpmnFile } from './models.support.js';

/** seed 004 "BPMN 2.0 Import and Export": import. */
@ApiTags('process-engine: models')
@ApsEngineAuth()
@Controller(`${APS_ENTERPRISE}/process-models`)
export class ApsProcessModelsController {
  constructor(private readonly importModel: ImportProcessModel) {}

  @Post('import')
  @HttpCode(200)
  @UseInterceptors(BpmnFileInterceptor())
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: ApsBpmnUploadDto })
  @ApiOperation({
    summary: 'Import a BPMN 2.0 XML file as a new process model',
    description:
      'Multipart, the file in the `file` part; its name must end in .bpmn or .bpmn20.xml (at most 20 MiB). The BPMN is validated as a deployment ' +
      'would be (no DTDs or entity declarations, every element supported and well connected): any problem is a 400 naming `file` with every problem ' +
      'in the message, and no model is created. The model takes its name from the first process\'s name (else its id), its key from the process id, ' +
      'its description from the process documentation. A UTF-8 file is stored exactly as uploaded (models/{id}/bpmn20 answers it byte for byte); ' +
      'UTF-16 (byte order mark) and Latin-1 (declared) files are stored converted to UTF-8, with the declaration saying UTF-8.',
  })
  @ApiOkResponse({ type: ApsModelResponse })
  @ApiApsErrors(400, 413)
  async import(@CurrentPrincipal() actor: Principal, @UploadedFile() file: UploadedBpmnFile | undefined): Promise<ApsModel> {
    const upload = requireFile(file);
    return toApsModel(await this.importModel.execute({ actor, fileName: upload.originalname, bytes: upload.buffer }));
  }
}
