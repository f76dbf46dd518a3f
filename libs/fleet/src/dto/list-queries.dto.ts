import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { ListQuery } from '@socle/core';
import { DEVICE_STATES, DeviceState } from '../fleet-enums';

export class ListPacksQuery extends ListQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  schoolId?: string;
}

export class ListDevicesQuery extends ListQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  packId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  schoolId?: string;

  @ApiPropertyOptional({ enum: DEVICE_STATES })
  @IsOptional()
  @IsIn(DEVICE_STATES)
  state?: DeviceState;
}
