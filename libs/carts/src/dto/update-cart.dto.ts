import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsObject, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { CartOptionsDto } from './create-cart.dto';

export class UpdateCartDto {
  @ApiPropertyOptional({ example: 'Chariot iPad n°1' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  label?: string;

  @ApiPropertyOptional({ example: 'Salle 12, 1er étage' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  location?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 60, description: 'Never below the pack it holds nor an occupied slot' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  slotCount?: number;

  @ApiPropertyOptional({ type: CartOptionsDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => CartOptionsDto)
  options?: CartOptionsDto;
}
