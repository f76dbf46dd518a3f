import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsString, Length, Matches } from 'class-validator';
import { OS_FAMILIES, OsFamily } from '@socle/fleet';
import { APP_CATEGORIES, AppCategory } from '../catalog/catalog-app.entity';

export class CreateAppDto {
  @ApiProperty({ example: 'Book Creator' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ enum: OS_FAMILIES })
  @IsIn(OS_FAMILIES)
  platform: OsFamily;

  @ApiProperty({
    example: 'com.tetheredinteractive.bookcreator',
    description: 'Bundle id, package name or laptop package',
  })
  @IsString()
  @Length(2, 255)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._+-]*$/, {
    message: 'identifier must be a bundle id, package name or package (letters, digits, . _ + -)',
  })
  identifier: string;

  @ApiProperty({ enum: APP_CATEGORIES })
  @IsIn(APP_CATEGORIES)
  category: AppCategory;

  @ApiPropertyOptional({ description: 'Managed configuration handed to the app' })
  @IsOptional()
  @IsObject()
  managedConfiguration?: Record<string, unknown>;
}
