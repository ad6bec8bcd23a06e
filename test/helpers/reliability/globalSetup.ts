import { clearFigures } from './printFigures';

export default clearFigures;
