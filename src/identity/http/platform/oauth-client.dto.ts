import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  Validate,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { OAUTH_GRANTS, OAUTH_SCOPES, type OAuthGrant, isValidRedirectUri } from '../../domain/oauth/oauth-rules.js';

@ValidatorConstraint({ name: 'redirectUri' })
export class RedirectUriConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && isValidRedirectUri(value);
  }
  defaultMessage(): string {
    return 'each value in redirectUris must be an absolute URL without a fragment';
  }
}

export class CreateOAuthClientDto {
  @ApiProperty({ maxLength: 255, example: 'Reporting service' })
  @IsString()
  @Length(1, 255)
  name: string;

  @ApiPropertyOptional({ maxLength: 100, pattern: '^[A-Za-z0-9._~-]{1,100}$', description: 'Generated when absent' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9._~-]{1,100}$/, { message: 'clientId may contain only letters, digits and . _ ~ - (at most 100)' })
  clientId?: string;

  @ApiProperty({ type: [String], maxItems: 20, example: ['https://app.example.com/callback'], description: 'Absolute URLs, matched exactly' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(2000, { each: true })
  @Validate(RedirectUriConstraint, { each: true })
  redirectUris: string[];

  @ApiProperty({ type: [String], enum: OAUTH_GRANTS, example: ['authorization_code', 'refresh_token'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @IsIn(OAUTH_GRANTS, { each: true })
  grants: OAuthGrant[];

  @ApiPropertyOptional({ default: true, description: 'Confidential clients get a secret; public clients must use PKCE' })
  @IsOptional()
  @IsBoolean()
  confidential?: boolean;

  @ApiPropertyOptional({ type: [String], enum: OAUTH_SCOPES, description: 'Scopes the client may request; default all' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsIn(OAUTH_SCOPES, { each: true })
  scopes?: string[];

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'User that client_credentials tokens act as' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  serviceUserId?: number | null;
}

export class UpdateOAuthClientDto {
  @ApiPropertyOptional({ maxLength: 255 })
  @IsOptional()
  @IsString()
  @Length(1, 255)
  name?: string;

  @ApiPropertyOptional({ type: [String], maxItems: 20 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(2000, { each: true })
  @Validate(RedirectUriConstraint, { each: true })
  redirectUris?: string[];

  @ApiPropertyOptional({ type: [String], enum: OAUTH_GRANTS })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @IsIn(OAUTH_GRANTS, { each: true })
  grants?: OAuthGrant[];

  @ApiPropertyOptional({ type: Number, nullable: true, description: 'null removes the service user' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  serviceUserId?: number | null;
}

export class OAuthClientResponse {
  @ApiProperty() id: number;
  @ApiProperty() tenantId: number;
  @ApiProperty() clientId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: [String] }) redirectUris: string[];
  @ApiProperty({ type: [String], enum: OAUTH_GRANTS }) grants: string[];
  @ApiProperty() confidential: boolean;
  @ApiProperty({ type: [String] }) scopes: string[];
  @ApiProperty({ type: Number, nullable: true }) serviceUserId: number | null;
  @ApiProperty({ example: '2026-11-22T14:00:00.000+0000' }) created: string;
  @ApiProperty({ example: '2026-11-22T14:00:00.000+0000' }) lastUpdated: string;
}

export class OAuthClientWithSecretResponse extends OAuthClientResponse {
  @ApiProperty({ type: String, nullable: true, description: 'Shown only in this response; null for public clients' })
  clientSecret: string | null;
}

export class OAuthClientPageResponse {
  @ApiProperty() size: number;
  @ApiProperty() total: number;
  @ApiProperty() start: number;
  @ApiProperty({ type: [OAuthClientResponse] }) data: OAuthClientResponse[];
}

export class WhoAmIResponse {
  @ApiProperty() id: number;
  @ApiProperty() username: string;
  @ApiProperty() tenantId: number;
  @ApiProperty({ type: [String] }) permissions: string[];
  @ApiProperty({ enum: ['basic', 'bearer'] }) via: string;
  @ApiPropertyOptional({ description: 'OAuth2 client of a bearer token' }) clientId?: string;
  @ApiPropertyOptional({ description: 'Scope of a bearer token' }) scope?: string;
}

export class SigningKeyResponse {
  @ApiProperty() kid: string;
  @ApiProperty() created: string;
}
