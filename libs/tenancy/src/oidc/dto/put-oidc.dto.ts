import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, IsUrl, Length, Matches } from 'class-validator';

export class PutOidcDto {
  @ApiProperty({
    example: 'https://auth.ac-exemple.fr/realms/agents',
    description: 'Issuer (discovery at /.well-known/openid-configuration)',
  })
  @IsUrl({ require_tld: false, protocols: ['https', 'http'], require_protocol: true })
  @Length(8, 500)
  issuer: string;

  @ApiProperty()
  @IsString()
  @Length(1, 200)
  clientId: string;

  @ApiProperty({ description: 'Stored sealed with the master key, never answered back' })
  @IsString()
  @Length(1, 500)
  clientSecret: string;

  @ApiPropertyOptional({ default: ['openid', 'email'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(/^[\x21-\x7e]{1,50}$/, { each: true })
  scopes?: string[];

  @ApiPropertyOptional({ default: 'email', description: 'The ID-token claim holding the e-mail' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_:.-]{1,100}$/)
  emailClaim?: string;
}
