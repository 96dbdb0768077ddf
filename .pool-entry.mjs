import { register } from "tsx/esm/api"; register(); await import("/tmp/prof-tmp/pool.mts");
