import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUrl, Length, Matches } from 'class-validator';

export class StartSignupDto {
  @ApiPropertyOptional({
    description: 'Where Google sends the admin back; default: Socle’s /android/enterprise/callback',
  })
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  callbackUrl?: string;
}

export class CompleteSignupDto {
  @ApiProperty({ example: 'signupUrls/C97372c91161e8d3' })
  @IsString()
  @Matches(/^signupUrls\/[A-Za-z0-9_-]+$/)
  signupUrlName: string;

  @ApiProperty({ description: 'The enterpriseToken Google appended to the callback URL' })
  @IsString()
  @Length(1, 2048)
  enterpriseToken: string;
}

export class AttachEnterpriseDto {
  @ApiProperty({ example: 'enterprises/LC02de1hmx' })
  @IsString()
  @Matches(/^enterprises\/[A-Za-z0-9_-]+$/)
  enterpriseName: string;
}
