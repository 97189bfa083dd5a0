-- wrk script for the "sessions" shape: one thread and one connection per signed-in session
-- (cookie headers one per line in $BENCH_SESSIONS); each thread sends back the cookies the
-- server sets, as a browser does, and requests one page at a time.
dofile("bench/report.lua")

local sessions = {}
for line in io.lines(os.getenv("BENCH_SESSIONS")) do
   sessions[#sessions + 1] = line
end
local next_session = 0

function setup(thread)
   next_session = next_session % #sessions + 1
   thread:set("cookie", sessions[next_session])
end

local jar = nil

local function parse(header)
   local cookies, order = {}, {}
   for name, value in string.gmatch(header, "([^=; ]+)=([^;]*)") do
      cookies[name] = value
      order[#order + 1] = name
   end
   return cookies, order
end

function request()
   if jar == nil then
      jar = { parse(cookie) }
   end
   local parts = {}
   for _, name in ipairs(jar[2]) do
      parts[#parts + 1] = name .. "=" .. jar[1][name]
   end
   return wrk.format(nil, nil, { Cookie = table.concat(parts, "; ") })
end

function response(status, headers, body)
   local set = headers["Set-Cookie"] or headers["set-cookie"]
   if set ~= nil and jar ~= nil then
      local name, value = string.match(set, "^([^=; ]+)=([^;]*)")
      if name ~= nil then
         if jar[1][name] == nil then
            jar[2][#jar[2] + 1] = name
         end
         jar[1][name] = value
      end
   end
end
