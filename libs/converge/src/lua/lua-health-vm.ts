import { createRequire } from 'node:module';
import type { HealthStatus } from '../health/health-status';
import { isValidHealthStatusCode } from '../health/health-status';
import type { KubeObject } from '../kube/kube-object';
import { luaLiteral } from './lua-literal';

// Argo CD 3.5.1 runs health scripts in gopher-lua, a Lua 5.1 implementation in Go
// (util/lua/lua.go, runLua). This runs them in PUC-Rio Lua 5.1.5 compiled to WebAssembly
// (npm lua-wasm-bindings 0.5.3): the same language version, synchronous, no native build.

type Bindings = typeof import('lua-wasm-bindings/dist/lua.51.js');
let bindings: Bindings | undefined;

/**
 * Loads the interpreter on first use. Its Emscripten glue registers process-wide handlers for
 * uncaught exceptions and unhandled rejections (which would print the whole glue and abort);
 * they are removed again, so the CLI reports errors as it always does.
 */
function loadLua(): Bindings {
  if (bindings) return bindings;
  const events = ['uncaughtException', 'unhandledRejection'] as const;
  const listeners = (event: (typeof events)[number]) =>
    process.listeners(event as 'uncaughtException') as unknown[];
  const before = events.map((event) => new Set(listeners(event)));
  bindings = createRequire(import.meta.url)('lua-wasm-bindings/dist/lua.51.js') as Bindings;
  events.forEach((event, i) => {
    for (const listener of listeners(event))
      if (!before[i]!.has(listener)) process.removeListener(event, listener as () => void);
  });
  return bindings;
}

/** lua.h: LUA_GLOBALSINDEX in Lua 5.1. */
const globalsIndex = -10002;

/**
 * The set-up chunk of a state dedicated to one script: narrows the libraries to what Argo CD opens,
 * compiles the script once, and defines `__run`, which gives every call a fresh global table (so
 * nothing a script sets outlives its call, as with Argo CD's new state per call), builds `obj`,
 * runs the script in protected mode and leaves what ExecuteHealthLua needs in globals.
 *
 * Argo CD opens `package`, `base`, `table` and a safe `os` (time and date only) for scripts from
 * argocd-cm, and every standard library for its built-in scripts and for customizations with
 * `useOpenLibs` (lua.go, runLuaWithResourceActionParameters; GetHealthScript). gopher-lua cancels
 * a script after one second (a context timeout); a count hook stops a runaway script here.
 */
const setup = `
local script, openLibs = __script, __openLibs == "1"
__script, __openLibs = nil, nil
local sethook, loadstring, setfenv, pcall, setmetatable = debug.sethook, loadstring, setfenv, pcall, setmetatable
local type, tostring, next, rawget = type, tostring, next, rawget
if not openLibs then
  local time, date = os.time, os.date
  getmetatable("").__index = nil
  string, math, io, debug, coroutine = nil, nil, nil, nil, nil
  os = { time = time, date = date }
  package.loaded.string, package.loaded.math, package.loaded.io, package.loaded.debug = nil, nil, nil, nil
  package.loaded.coroutine, package.loaded.os = nil, os
end
local globals = _G
local chunk, syntaxError = loadstring(script, "=health.lua")
local function budget() error("script exceeded the instruction budget standing in for Argo CD's 1 s timeout") end
function __run(source)
  __error, __kind, __empty, __sequence, __statusType, __messageType, __status, __message = nil, nil, nil, nil, nil, nil, nil, nil
  if not chunk then __error = syntaxError return end
  local env = setmetatable({}, { __index = globals })
  env._G = env
  env.obj = loadstring(source, "=obj")()
  setfenv(chunk, env)
  sethook(budget, "", 20000000)
  local ok, result = pcall(chunk)
  sethook()
  if not ok then __error = tostring(result) return end
  __kind = type(result)
  if __kind == "table" then
    __empty = next(result) == nil and "1" or "0"
    __sequence = rawget(result, 1) ~= nil and "1" or "0"
    local status, message = rawget(result, "status"), rawget(result, "message")
    __statusType, __messageType = type(status), type(message)
    if type(status) == "string" then __status = status end
    if type(message) == "string" then __message = message end
  end
end
`;

/** One Lua state per script and library set, set up once (a fresh state costs ~10x a call). */
const states = new Map<string, number>();

function stateFor(script: string, openLibs: boolean): number {
  const key = `${openLibs ? 1 : 0}\u0000${script}`;
  let state = states.get(key);
  if (state !== undefined) return state;
  const { lua, lauxlib, lualib } = loadLua();
  state = lauxlib.luaL_newstate() as unknown as number;
  lualib.luaL_openlibs(state as never);
  setGlobal(state, '__script', script);
  setGlobal(state, '__openLibs', openLibs ? '1' : '0');
  if (lauxlib.luaL_dostring(state as never, setup) !== 0)
    throw new Error(
      `the Lua health driver failed to load: ${lua.lua_tostring(state as never, -1)}`,
    );
  states.set(key, state);
  return state;
}

function global(state: number, name: string): string | null {
  const { lua } = loadLua();
  lua.lua_getfield(state as never, globalsIndex, name);
  const value =
    lua.lua_type(state as never, -1) === 0 ? null : lua.lua_tostring(state as never, -1);
  lua.lua_settop(state as never, -2);
  return value;
}

function setGlobal(state: number, name: string, value: string): void {
  const { lua } = loadLua();
  lua.lua_pushstring(state as never, value);
  lua.lua_setfield(state as never, globalsIndex, name);
}

/**
 * Runs one health script on one object the way util/lua/lua.go, ExecuteHealthLua reads its
 * result: a table whose `status` is a valid code gives that status; an invalid code gives
 * Unknown ("Lua returned an invalid health status"); nil, an empty table, a sequence, or a field
 * of the wrong type decode to a status with no code (json.Unmarshal's type error is swallowed);
 * any other return value and any Lua error are errors, which GetResourceHealth reports as Unknown.
 */
export function executeHealthLua(
  object: KubeObject,
  script: string,
  openLibs: boolean,
): HealthStatus {
  const { lua, lauxlib } = loadLua();
  const state = stateFor(script, openLibs);
  setGlobal(state, '__objSource', `return ${luaLiteral(object)}`);
  const status = lauxlib.luaL_dostring(state as never, '__run(__objSource)');
  if (status !== 0) {
    const message = lua.lua_tostring(state as never, -1);
    lua.lua_settop(state as never, 0);
    return unknown(message);
  }
  lua.lua_settop(state as never, 0);
  return resultOf(state);
}

function resultOf(state: number): HealthStatus {
  const error = global(state, '__error');
  if (error !== null) return unknown(error);
  const kind = global(state, '__kind');
  if (kind === 'nil') return { status: '' };
  if (kind !== 'table') return unknown(`expect table output from Lua script, not ${kind}`);
  const wrongType = (type: string | null) => type !== 'nil' && type !== 'string';
  if (
    global(state, '__empty') === '1' ||
    global(state, '__sequence') === '1' ||
    wrongType(global(state, '__statusType')) ||
    wrongType(global(state, '__messageType'))
  )
    return { status: '' };
  const status = global(state, '__status') ?? '';
  const message = global(state, '__message') || undefined;
  if (!isValidHealthStatusCode(status)) {
    return { status: 'Unknown', message: 'Lua returned an invalid health status' };
  }
  return message === undefined ? { status } : { status, message };
}

/** health.go, GetResourceHealth: an error from the override is an Unknown health. */
const unknown = (message: string): HealthStatus => ({ status: 'Unknown', message });
