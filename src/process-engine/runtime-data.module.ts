import { Module } from '@nestjs/common';
import { AddComment } from './application/comments/add-comment.use-case.js';
import { ListComments } from './application/comments/list-comments.query.js';
import { AddIdentityLink } from './application/identity-links/add-identity-link.use-case.js';
import { DeleteIdentityLink } from './application/identity-links/delete-identity-link.use-case.js';
import { GetIdentityLink } from './application/identity-links/get-identity-link.query.js';
import { ListIdentityLinks } from './application/identity-links/list-identity-links.query.js';
import { DeleteInstanceVariable } from './application/variables/delete-instance-variable.use-case.js';
import { DeleteTaskVariables } from './application/variables/delete-task-variables.use-case.js';
import { GetInstanceVariable } from './application/variables/get-instance-variable.query.js';
import { GetTaskVariable } from './application/variables/get-task-variable.query.js';
import { ListInstanceVariables } from './application/variables/list-instance-variables.query.js';
import { ListTaskVariables } from './application/variables/list-task-variables.query.js';
import { RuntimeTargets } from './application/variables/runtime-target.js';
import { SetInstanceVariables } from './application/variables/set-instance-variables.use-case.js';
import { SetTaskVariables } from './application/variables/set-task-variables.use-case.js';
import { EngineSharedModule } from './engine-shared.module.js';
import { CommentsController } from './http/aps/comments.controller.js';
import { IdentityLinksController } from './http/aps/identity-links.controller.js';
import { VariablesInstanceController } from './http/aps/variables-instance.controller.js';
import { VariablesTaskController } from './http/aps/variables-task.controller.js';
import { CommentRepository } from './infrastructure/comment.repository.js';
import { IdentityLinkRepository } from './infrastructure/identity-link.repository.js';

/** aps variables, identity links and comments of process instances and tasks. */
@Module({
  imports: [EngineSharedModule],
  controllers: [VariablesInstanceController, VariablesTaskController, IdentityLinksController, CommentsController],
  providers: [
    RuntimeTargets,
    IdentityLinkRepository,
    CommentRepository,
    ListInstanceVariables,
    GetInstanceVariable,
    SetInstanceVariables,
    DeleteInstanceVariable,
    ListTaskVariables,
    GetTaskVariable,
    SetTaskVariables,
    DeleteTaskVariables,
    ListIdentityLinks,
    GetIdentityLink,
    AddIdentityLink,
    DeleteIdentityLink,
    ListComments,
    AddComment,
  ],
  exports: [],
})
export class EngineRuntimeDataModule {}
