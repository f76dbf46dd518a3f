import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

class SchoolScope {
  @ApiPropertyOptional({ description: 'Only this school' })
  @IsOptional()
  @IsUUID()
  schoolId?: string;
}

class DatedScope extends SchoolScope {
  @ApiPropertyOptional({ description: 'Reference day (YYYY-MM-DD), today in Paris by default' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  asOf?: string;
}

export class FleetHealthQuery extends SchoolScope {
  @ApiPropertyOptional({ description: 'A device not seen for this many days is counted in notSeen', default: 7 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  notSeenDays = 7;
}

export class WarrantyQuery extends DatedScope {
  @ApiPropertyOptional({ description: 'Coverage ending within this many days is "expiring"', default: 90 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3650)
  withinDays = 90;
}

export class SocleQuery extends SchoolScope {}

export class RenewalQuery extends DatedScope {
  @ApiPropertyOptional({ description: 'How many years ahead, this one included', default: 5 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(15)
  years = 5;

  @ApiPropertyOptional({ description: 'Useful life of a device, in years, from its purchase', default: 5 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(20)
  lifespanYears = 5;
}
