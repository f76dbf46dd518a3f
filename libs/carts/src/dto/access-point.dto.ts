import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';

export class DeclareAccessPointDto {
  @ApiProperty({ example: 'CLASSE-MOBILE-1' })
  @IsString()
  @Length(1, 32)
  ssid: string;

  @ApiPropertyOptional({ example: 'a4:5e:60:01:02:03' })
  @IsOptional()
  @Matches(/^[0-9a-fA-F]{2}([:-][0-9a-fA-F]{2}){5}$/)
  bssid?: string;

  @ApiPropertyOptional({
    default: 15,
    minimum: 0,
    maximum: 120,
    description: 'Minutes on before and after each session',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(120)
  marginMinutes?: number;
}

export class AccessPointStateDto {
  @ApiProperty({ enum: ['on', 'off'] })
  @IsIn(['on', 'off'])
  state: 'on' | 'off';

  @ApiPropertyOptional({ description: 'When the state began (a buffered report); now when absent' })
  @IsOptional()
  @IsISO8601({ strict: true })
  at?: string;
}

export class PeriodQuery {
  @ApiPropertyOptional({ description: 'ISO-8601; default: now (schedule) or 30 days ago (report)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'ISO-8601; default: 7 days after from (schedule) or now (report)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class FeedQuery {
  @ApiProperty()
  @IsString()
  @Length(20, 100)
  token: string;
}
