import { Injectable, OnModuleInit } from '@nestjs/common';
import { RetirementService } from '@socle/lifecycle';

/** A retired device leaves its slot in the same transaction as it leaves its pack. */
@Injectable()
export class LeaveCartOnRetirement implements OnModuleInit {
  constructor(private readonly retirements: RetirementService) {}

  onModuleInit(): void {
    this.retirements.onRetired((manager, device) =>
      manager.query('DELETE FROM cart_slots WHERE device_id = $1', [device.id]).then(() => undefined),
    );
  }
}
