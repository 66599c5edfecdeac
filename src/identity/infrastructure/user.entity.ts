import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { UserStatus } from '../domain/user-status.js';

/** Free-form profile fields that only some dialects carry (ProcessMaker 3 address, phone, …). */
export interface UserProfileFields {
  address?: string;
  zipCode?: string;
  country?: string;
  city?: string;
  location?: string;
  phone?: string;
  fax?: string;
  cellular?: string;
  position?: string;
  calendar?: string;
  [key: string]: string | undefined;
}

@Entity({ schema: 'identity', name: 'users' })
export class UserEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ type: 'bigint' })
  tenantId: string;

  @Column({ type: 'varchar', length: 100 })
  username: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  email: string | null;

  @Column({ type: 'varchar', length: 255, default: '' })
  firstName: string;

  @Column({ type: 'varchar', length: 255, default: '' })
  lastName: string;

  /** argon2id; never leaves the identity context. */
  @Column({ type: 'text', nullable: true, select: false })
  passwordHash: string | null;

  @Column({ type: 'varchar', length: 16, default: 'active' })
  status: UserStatus;

  @Column({ type: 'bigint', nullable: true })
  roleId: string | null;

  @Column({ type: 'bigint', nullable: true })
  replacedBy: string | null;

  @Column({ type: 'date', nullable: true })
  dueDate: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  company: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  externalId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastSyncAt: Date | null;

  @Column({ type: 'jsonb', default: () => `'{}'::jsonb` })
  profile: UserProfileFields;

  /** Bumped whenever the password or status changes: invalidates cached Basic credentials. */
  @Column({ type: 'integer', default: 1 })
  credentialVersion: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  deletedAt: Date | null;
}
