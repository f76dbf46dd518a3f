import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

export class CartOptionsDto {
  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  charging?: boolean;

  @ApiPropertyOptional({ default: false, description: 'Synchronises the devices (USB hub) while they charge' })
  @IsOptional()
  @IsBoolean()
  sync?: boolean;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  antiTheftLock?: boolean;
}

export class CreateCartDto {
  @ApiProperty()
  @IsUUID()
  schoolId: string;

  @ApiProperty({ example: 'Chariot iPad n°1' })
  @IsString()
  @Length(1, 100)
  label: string;

  @ApiProperty({ minimum: 1, maximum: 60, description: 'At least the capacity of the pack it will hold' })
  @IsInt()
  @Min(1)
  @Max(60)
  slotCount: number;

  @ApiProperty({ example: 'Salle 12, 1er étage' })
  @IsString()
  @Length(1, 200)
  location: string;

  @ApiPropertyOptional({ type: CartOptionsDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => CartOptionsDto)
  options?: CartOptionsDto;
}
