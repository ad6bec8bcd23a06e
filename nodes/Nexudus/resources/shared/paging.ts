import { fetchRecordPagesFrom } from '../../../shared/listPaging';
import { nexudusApi, nexudusPaging } from '../../transport';

/** Return All or Limit for Nexudus lists, at Nexudus' largest page size. */
export const fetchRecordPages = fetchRecordPagesFrom(nexudusApi, nexudusPaging);
