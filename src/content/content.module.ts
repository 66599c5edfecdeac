import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/index.js';
import { ContentAccessRules } from './application/content-access.js';
import { DeleteContent } from './application/delete-content.use-case.js';
import { GenerateRenditions } from './application/generate-renditions.handler.js';
import { GetContent } from './application/get-content.query.js';
import { ReadContentBytes, ReadThumbnail } from './application/read-content-bytes.query.js';
import { SweepOrphanContent } from './application/sweep-orphan-content.js';
import { UploadContent } from './application/upload-content.use-case.js';
import { ContentApi } from './content.api.js';
import { CreateLinkContent } from './application/owners/create-link-content.use-case.js';
import { ListOwnerContent } from './application/owners/list-owner-content.query.js';
import { OwnerResolver } from './application/owners/owner-ref.js';
import { GetPicture } from './application/pictures/get-picture.query.js';
import { IdentityPictureSource } from './application/pictures/identity-picture-source.js';
import { SetPicture } from './application/pictures/set-picture.use-case.js';
import { ContentController } from './http/aps/content.controller.js';
import { ApsOwnerContentController } from './http/aps/owner-content.controller.js';
import { ApsPicturesController } from './http/aps/pictures.controller.js';
import { ContentWorkspacePipe, Pm3UserImageController } from './http/pm3/user-image.controller.js';
import { OwnerContentReadModel } from './infrastructure/owner-content.read-model.js';
import { PictureRepository } from './infrastructure/picture.repository.js';
import { contentStoreProvider } from './infrastructure/content-store.provider.js';
import { ContentRepository } from './infrastructure/content.repository.js';

/** The content context (design.md §1): content items, their bytes and renditions, pictures and logos. */
@Module({
  imports: [IdentityModule],
  controllers: [ContentController, ApsOwnerContentController, ApsPicturesController, Pm3UserImageController],
  providers: [
    ContentApi,
    ContentRepository,
    contentStoreProvider,
    ContentAccessRules,
    UploadContent,
    GetContent,
    DeleteContent,
    ReadContentBytes,
    ReadThumbnail,
    GenerateRenditions,
    SweepOrphanContent,
    OwnerResolver,
    OwnerContentReadModel,
    ListOwnerContent,
    CreateLinkContent,
    PictureRepository,
    SetPicture,
    GetPicture,
    IdentityPictureSource,
    ContentWorkspacePipe,
  ],
  exports: [ContentApi],
})
export class ContentModule {}
