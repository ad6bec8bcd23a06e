export { taskDescription } from './task';
export { taskGroupDescription } from './taskGroup';
