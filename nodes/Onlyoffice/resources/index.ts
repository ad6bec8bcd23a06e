export { taskDescription } from './task';
export { taskCategoryDescription } from './taskCategory';
