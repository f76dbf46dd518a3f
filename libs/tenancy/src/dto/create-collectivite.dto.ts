import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { COLLECTIVITE_KINDS, CollectiviteKind } from '../collectivite.entity';

export class CreateCollectiviteDto {
  @ApiProperty({ example: 'Ville de Montreuil-Bellay' })
  @IsString()
  @Length(2, 200)
  name: string;

  @ApiProperty({ enum: COLLECTIVITE_KINDS })
  @IsIn(COLLECTIVITE_KINDS)
  kind: CollectiviteKind;
}
