import { pipeline } from 'node:stream';
import { applyDecorators, Controller, Delete, Get, HttpCode, Param, type PipeTransform, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBasicAuth, ApiBody, ApiConsumes, ApiOAuth2, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { parseNumericId } from '../../../../libs/dialects/ids.js';
import { ApiApsErrors } from '../../../../libs/dialects/openapi-errors.js';
import { CurrentPrincipal, type Principal } from '../../../identity/index.js';
import { DeleteContent } from '../../application/delete-content.use-case.js';
import { GetContent } from '../../application/get-content.query.js';
import { ReadContentBytes, ReadThumbnail } from '../../application/read-content-bytes.query.js';
import { UploadContent } from '../../application/upload-content.use-case.js';
import { type ContentItem, servedInline } from '../../domain/content-item.js';
import { ContentErrors } from '../../domain/content.errors.js';
import { ApsContentResponse, ApsUploadQueryDto, UPLOAD_BODY_SCHEMA } from './content.dto.js';
import { type ApsContent, toApsContent } from './content.mapper.js';

export const APS_ENTERPRISE = 'activiti-app/api/enterprise';

/** Every content route: HTTP Basic or an OAuth2 bearer token, and the aps 401 body without them. */
export const ApsContentAuth = (): MethodDecorator & ClassDecorator =>
  applyDecorators(ApiBasicAuth('basic'), ApiOAuth2(['read', 'write'], 'oauth2'), ApiApsErrors(401));

/**
 * The Swagger of an upload endpoint (multipart body with a `file` part, 413 beyond MAX_UPLOAD_BYTES).
 * Upload controllers take `@Req() request` and call `UploadContent.execute({actor, owner,
 * relatedContent, request})`; no FileInterceptor: the use case reads the stream itself.
 */
export const ApiContentUpload = (): MethodDecorator =>
  applyDecorators(ApiConsumes('multipart/form-data'), ApiBody(UPLOAD_BODY_SCHEMA), ApiApsErrors(413));

/** A numeric id in the path; malformed is a 400 naming the parameter. */
export class ContentIdPipe implements PipeTransform<string, string> {
  constructor(private readonly field = 'contentId') {}

  transform(value: string): string {
    return parseNumericId(value, this.field);
  }
}

/** `inline` or `attachment`, with the name safe for the header (RFC 6266 / 5987). */
export function contentDisposition(inline: boolean, fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Headers every byte answer carries (design.md §8): the detected type, nosniff, and attachment unless image or PDF. */
export function setContentHeaders(res: Response, item: ContentItem): void {
  res.setHeader('Content-Type', item.mimeType);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Disposition', contentDisposition(servedInline(item.mimeType), item.name));
  // The answer depends on who asks: no shared caches.
  res.setHeader('Cache-Control', 'private, no-cache');
  if (item.sha256) res.setHeader('ETag', `"${item.sha256}"`);
}

/** Streams `body` as the answer; a store failure half-way cuts the connection (the status is already sent). */
export function sendStream(res: Response, body: NodeJS.ReadableStream | null): void {
  if (body === null) {
    res.end();
    return;
  }
  pipeline(body, res, () => undefined);
}

const ACCESS =
  'Another tenant\'s id or an unknown one: 404; a malformed id: 400. Unowned content (uploaded through content/raw for a start form) ' +
  'is visible to its creator and tenant admins (others 403); content of a process instance or task to those the engine lets see it ' +
  '(403 when not involved). ';
const UPLOAD =
  'multipart/form-data; the first file part (documented name `file`) is the content, streamed to the store, never held in memory. ' +
  'The MIME type is detected from the bytes (file-type; valid UTF-8 without NUL bytes is text/plain), never taken from the client: ' +
  'a PNG declared as a PDF is stored as image/png, an HTML page declared as an image as text/plain. The stored name is the file ' +
  'name\'s last path segment (`../../etc/passwd` → `passwd`); the bytes are stored under a random key. Empty file, no file part, ' +
  'not multipart: 400; over MAX_UPLOAD_BYTES: 413; in every refused case nothing is stored. previewStatus and thumbnailStatus ' +
  'start `queued` and change within seconds (after-commit job). ';

/** Seed 004 "Content" and "Thumbnails": content by id, its bytes and thumbnail, and start-form uploads. */
@ApiTags('content')
@ApsContentAuth()
@ApiApsErrors(400, 403, 404)
@Controller(APS_ENTERPRISE)
export class ContentController {
  constructor(
    private readonly upload: UploadContent,
    private readonly getContent: GetContent,
    private readonly deleteContent: DeleteContent,
    private readonly readBytes: ReadContentBytes,
    private readonly readThumbnail: ReadThumbnail,
  ) {}

  @Post('content/raw')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Upload content for a start form (no process instance or task yet)',
    description:
      UPLOAD +
      'The content has no owner: only its creator (and tenant admins) see it until a start-form submission names it in an upload field, ' +
      'which makes it field content of the new process instance. `isRelatedContent` defaults to false. Answers 200 with the content object.',
  })
  @ApiContentUpload()
  @ApiOkResponse({ type: ApsContentResponse })
  async uploadRaw(@CurrentPrincipal() actor: Principal, @Query() q: ApsUploadQueryDto, @Req() request: Request): Promise<ApsContent> {
    return toApsContent(await this.upload.execute({ actor, owner: { kind: 'none' }, relatedContent: q.isRelatedContent ?? false, request }));
  }

  @Get('content/:contentId')
  @ApiOperation({ summary: 'Content metadata', description: ACCESS + 'Answers the content object.' })
  @ApiOkResponse({ type: ApsContentResponse })
  async get(@CurrentPrincipal() actor: Principal, @Param('contentId', new ContentIdPipe()) contentId: string): Promise<ApsContent> {
    return toApsContent(await this.getContent.execute({ actor, contentId }));
  }

  @Delete('content/:contentId')
  @ApiOperation({
    summary: 'Delete content',
    description:
      ACCESS +
      'Unowned content: its creator or a tenant admin; content of a process instance or task: whoever the engine lets change it ' +
      '(being its creator is not enough). The row goes at once, the bytes and thumbnail right after the commit. 200 with an empty body.',
  })
  @ApiOkResponse({ description: 'Empty body; the content is deleted.' })
  async delete(@CurrentPrincipal() actor: Principal, @Param('contentId', new ContentIdPipe()) contentId: string): Promise<void> {
    await this.deleteContent.execute({ actor, contentId });
  }

  @Get('content/:contentId/raw')
  @ApiOperation({
    summary: 'The bytes of content',
    description:
      ACCESS +
      'Served with the detected type, `X-Content-Type-Options: nosniff`, and `Content-Disposition: attachment` unless it is an image ' +
      '(SVG excepted) or a PDF (then inline). `ETag` is the SHA-256 of the bytes. HEAD and one `Range: bytes=…` are supported ' +
      '(206 with Content-Range; beyond the end 416). A link holds no bytes: 404.',
  })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'The bytes', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } })
  @ApiResponse({ status: 206, description: 'The requested range', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } })
  async raw(
    @CurrentPrincipal() actor: Principal,
    @Param('contentId', new ContentIdPipe()) contentId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const head = req.method === 'HEAD';
    const out = await this.readBytes.execute({ actor, contentId, range: req.headers.range, head });
    setContentHeaders(res, out.item);
    res.setHeader('Accept-Ranges', 'bytes');
    const size = out.item.size!;
    if ('unsatisfiable' in out) {
      res.status(416).setHeader('Content-Range', `bytes */${size}`);
      res.end();
      return;
    }
    if (out.range) {
      res.status(206);
      res.setHeader('Content-Range', `bytes ${out.range.start}-${out.range.end}/${size}`);
      res.setHeader('Content-Length', String(out.range.end - out.range.start + 1));
    } else {
      res.status(200);
      res.setHeader('Content-Length', String(size));
    }
    sendStream(res, out.body);
  }

  @Get('content/:contentId/rendition/:renditionType')
  @ApiParam({ name: 'renditionType', enum: ['thumbnail'], description: 'Only `thumbnail` exists' })
  @ApiOperation({
    summary: 'The thumbnail of content',
    description:
      ACCESS +
      'A PNG of at most 200×200 pixels, made after the upload committed. While thumbnailStatus is not `created` (queued, unsupported, ' +
      'error) the answer is 404 in the aps error shape, naming the status; so is any renditionType other than `thumbnail`.',
  })
  @ApiProduces('image/png')
  @ApiOkResponse({ description: 'The thumbnail', content: { 'image/png': { schema: { type: 'string', format: 'binary' } } } })
  async rendition(
    @CurrentPrincipal() actor: Principal,
    @Param('contentId', new ContentIdPipe()) contentId: string,
    @Param('renditionType') renditionType: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    if (renditionType !== 'thumbnail') {
      // Access first: an unknown rendition of content the caller may not see says nothing about it.
      await this.getContent.execute({ actor, contentId });
      throw ContentErrors.noRendition(renditionType);
    }
    const out = await this.readThumbnail.execute({ actor, contentId, head: req.method === 'HEAD' });
    res.status(200);
    res.setHeader('Content-Type', 'image/png');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, no-cache');
    sendStream(res, out.body);
  }
}
