import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

export const RESOURCE_KINDS = ['web_clip', 'gar_resource', 'ent_link', 'document'] as const;
export const WIFI_SECURITIES = ['none', 'wpa2', 'wpa3', 'wpa2_enterprise'] as const;

export class ResourceDto {
  @ApiProperty({ enum: RESOURCE_KINDS })
  @IsIn(RESOURCE_KINDS)
  kind: (typeof RESOURCE_KINDS)[number];

  @ApiProperty({ example: 'Lalilo' })
  @IsString()
  @Length(1, 120)
  title: string;

  @ApiProperty({ example: 'https://www.lalilo.com' })
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: true },
    { message: 'url must be an http(s) address' },
  )
  @Length(1, 2048)
  url: string;

  @ApiPropertyOptional({ description: 'SHA-256 (hex) of a document kept offline; required for documents' })
  @ValidateIf((resource: ResourceDto) => resource.kind === 'document' || resource.checksum !== undefined)
  @Matches(/^[a-f0-9]{64}$/, { message: 'checksum must be the SHA-256 of the document, 64 lower-case hex characters' })
  checksum?: string;
}

export class WifiDto {
  @ApiProperty({ example: 'ECOLE-PEDAGO' })
  @IsString()
  @Length(1, 32)
  ssid: string;

  @ApiProperty({ enum: WIFI_SECURITIES })
  @IsIn(WIFI_SECURITIES)
  security: (typeof WIFI_SECURITIES)[number];

  @ApiPropertyOptional({ description: 'WPA passphrase (8 to 63 characters); stored encrypted, never shown again' })
  @ValidateIf((wifi: WifiDto) => wifi.security === 'wpa2' || wifi.security === 'wpa3' || wifi.password !== undefined)
  @IsString()
  @Length(8, 63)
  password?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  autoJoin?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  hidden?: boolean;
}

export class RestrictionsDto {
  @IsOptional() @IsBoolean() allowCamera?: boolean;
  @IsOptional() @IsBoolean() allowAppInstallation?: boolean;
  @IsOptional() @IsBoolean() allowProfileRemoval?: boolean;
  @IsOptional() @IsBoolean() allowErase?: boolean;
  @IsOptional() @IsBoolean() allowScreenshots?: boolean;
  @IsOptional() @IsBoolean() allowBluetoothModification?: boolean;
  @IsOptional() @IsBoolean() allowAppRemoval?: boolean;
}

/** What a version holds; `POST /profiles/:id/versions` takes exactly this. */
export class ProfileContentDto {
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('4', { each: true })
  apps: string[] = [];

  @ApiPropertyOptional({ type: [ResourceDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ResourceDto)
  resources: ResourceDto[] = [];

  @ApiPropertyOptional({ type: [WifiDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => WifiDto)
  wifi: WifiDto[] = [];

  @ApiPropertyOptional({ type: RestrictionsDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => RestrictionsDto)
  restrictions: RestrictionsDto = {};
}

export class CreateProfileDto extends ProfileContentDto {
  @ApiProperty({ example: 'Applications du cycle 3' })
  @IsString()
  @Length(1, 120)
  name: string;
}
