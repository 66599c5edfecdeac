import type { IdentityApi } from '../../../identity/index.js';
import type { CommentRow } from '../../infrastructure/comment.repository.js';

/** The aps "light user". */
export interface LightUserView {
  readonly id: string;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly email: string | null;
}

export interface CommentView {
  readonly id: string;
  readonly message: string;
  readonly createdAt: Date;
  readonly createdBy: LightUserView;
}

/** Comments with their authors, read in one call; a deleted author keeps the id with null names. */
export async function withAuthors(identity: IdentityApi, tenantId: string, rows: readonly CommentRow[]): Promise<CommentView[]> {
  const authors = await identity.userSummariesById(tenantId, rows.map((r) => r.createdBy));
  return rows.map((r) => {
    const u = authors.get(r.createdBy);
    return {
      id: r.id,
      message: r.message,
      createdAt: r.createdAt,
      createdBy: { id: r.createdBy, firstName: u?.firstName ?? null, lastName: u?.lastName ?? null, email: u?.email ?? null },
    };
  });
}
