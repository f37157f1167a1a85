/** `fanbase fans import` exits with this when some rows were rejected (the others were imported). */
export const EXIT_ROWS_REJECTED = 2;
