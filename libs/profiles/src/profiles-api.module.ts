import { Module } from '@nestjs/common';
import { CatalogController } from './catalog/catalog.controller';
import { ProfilesController } from './profiles.controller';
import { ProfilesModule } from './profiles.module';

@Module({ imports: [ProfilesModule], controllers: [CatalogController, ProfilesController] })
export class ProfilesApiModule {}
