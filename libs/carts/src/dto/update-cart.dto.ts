import { OmitType, PartialType } from '@nestjs/swagger';
import { CreateCartDto } from './create-cart.dto';

/** Label, location, slots (never below the pack it holds nor an occupied slot) and options; the school stays. */
export class UpdateCartDto extends PartialType(OmitType(CreateCartDto, ['schoolId'] as const)) {}
