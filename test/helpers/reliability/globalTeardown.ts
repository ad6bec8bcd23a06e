import { printFigures } from './printFigures';

export default printFigures;
