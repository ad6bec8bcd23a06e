import type { NexudusEntity } from '../entities';
import { coworkerTask } from './coworkerTask/entity';
import { crmOpportunityHistory } from './crmOpportunityHistory/entity';

export { coworkerTaskDescription } from './coworkerTask';
export { crmOpportunityHistoryDescription } from './crmOpportunityHistory';

/** Every Nexudus entity the node and the trigger work with. */
export const nexudusEntities: NexudusEntity[] = [coworkerTask, crmOpportunityHistory];
