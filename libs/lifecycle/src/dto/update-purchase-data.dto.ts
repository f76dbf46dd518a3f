import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsISO8601, IsNumber, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { FUNDING_SOURCES, FundingSource, MAINTENANCE_MODES, MaintenanceMode } from '@socle/fleet';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** One device's purchase data; absent fields stay as they are (the same rules as the CSV). */
export class UpdatePurchaseDataDto {
  @ApiPropertyOptional({ example: 'INV-2026-0042' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  inventoryNumber?: string;

  @ApiPropertyOptional({ example: '2026-09-01' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(DATE)
  purchaseDate?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 200)
  supplier?: string;

  @ApiPropertyOptional({ example: 'UGAP 2026-12345' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  orderReference?: string;

  @ApiPropertyOptional({ enum: FUNDING_SOURCES })
  @IsOptional()
  @IsIn(FUNDING_SOURCES)
  fundingSource?: FundingSource;

  @ApiPropertyOptional({ description: 'Euros, VAT included', example: 389.9 })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(9_999_999)
  purchasePrice?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  refurbished?: boolean;

  @ApiPropertyOptional({ enum: MAINTENANCE_MODES })
  @IsOptional()
  @IsIn(MAINTENANCE_MODES)
  maintenanceMode?: MaintenanceMode;

  @ApiPropertyOptional({ example: '2029-08-31' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(DATE)
  maintenanceEnd?: string;

  @ApiPropertyOptional({ example: '2028-08-31' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(DATE)
  warrantyEnd?: string;

  @ApiPropertyOptional({ example: 'Reprise un pour un par le titulaire du marché, enlèvement sur site' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  takeBackTerms?: string;
}
