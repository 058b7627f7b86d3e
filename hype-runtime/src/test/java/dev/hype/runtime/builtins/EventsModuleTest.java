package dev.hype.runtime.builtins;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventsModuleTest {
    private static final String PRELUDE = """
            local EventEmitter = events.EventEmitter
            local function err(f, ...)
              local ok, e = pcall(f, ...)
              assert(not ok, "expected an error")
              return e
            end
            """;

    private static void lua(String code) {
        try (ModuleTester t = new ModuleTester()) {
            t.run(PRELUDE + code);
        }
    }

    @Test
    void createsEmittersBothWays() {
        lua("""
                local a, b, c = EventEmitter.new(), events.EventEmitter:new(), EventEmitter()
                for _, e in ipairs({ a, b, c }) do
                  assert(getmetatable(e) == EventEmitter and e.on == EventEmitter.on)
                end
                assert(a ~= b)
                """);
    }

    @Test
    void callsListenersInOrderWithTheArguments() {
        lua("""
                local e = EventEmitter.new()
                local log = {}
                assert(e:emit("data", 1) == false)
                assert(e:on("data", function(x, y) log[#log + 1] = "a" .. x .. y end) == e)
                e:on("data", function(x) log[#log + 1] = "b" .. x end)
                e:prependListener("data", function(x) log[#log + 1] = "first" .. x end)
                assert(e:emit("data", 1, 2) == true)
                assert(table.concat(log, ",") == "first1,a12,b1", table.concat(log, ","))
                assert(e:emit("other") == false)
                assert(e.addListener == e.on and e.removeListener == e.off)
                """);
    }

    @Test
    void onceListenersRunOnce() {
        lua("""
                local e, n, m = EventEmitter.new(), 0, {}
                e:once("x", function(v) n = n + v end)
                e:prependOnceListener("x", function() m[#m + 1] = "p" end)
                assert(e:listenerCount("x") == 2)
                e:emit("x", 5)
                e:emit("x", 5)
                assert(n == 5 and #m == 1 and e:listenerCount("x") == 0)
                -- a once listener that emits the same event again is not called twice
                local calls = 0
                e:once("y", function() calls = calls + 1; e:emit("y") end)
                e:emit("y")
                assert(calls == 1)
                """);
    }

    @Test
    void removesListeners() {
        lua("""
                local e, log = EventEmitter.new(), {}
                local function f() log[#log + 1] = "f" end
                local function g() log[#log + 1] = "g" end
                e:on("x", f):on("x", g):on("x", f)
                e:off("x", f)
                e:emit("x")
                assert(table.concat(log) == "fg", table.concat(log))
                local fns = e:listeners("x")
                assert(#fns == 2 and fns[1] == f and fns[2] == g)
                fns[1] = nil
                assert(#e:listeners("x") == 2, "listeners returns a copy")
                assert(e:listenerCount("x", f) == 1)
                local once = function() end
                e:once("x", once)
                e:off("x", once)
                assert(e:listenerCount("x") == 2)
                e:on("y", f)
                local names = e:eventNames()
                assert(#names == 2 and names[1] == "x" and names[2] == "y")
                assert(e:removeAllListeners("x") == e)
                assert(e:listenerCount("x") == 0 and e:listenerCount("y") == 1)
                e:removeAllListeners()
                assert(#e:eventNames() == 0)
                e:off("nothing", f)
                """);
    }

    @Test
    void reportsAddAndRemoveToMetaListeners() {
        lua("""
                local e, log = EventEmitter.new(), {}
                e:on("newListener", function(name) log[#log + 1] = "+" .. name end)
                e:on("removeListener", function(name) log[#log + 1] = "-" .. name end)
                local f = function() end
                e:on("a", f)
                e:off("a", f)
                e:on("b", f)
                e:removeAllListeners("b")
                assert(table.concat(log, " ") == "+removeListener +a -a +b -b", table.concat(log, " "))
                """);
    }

    @Test
    void snapshotsListenersDuringAnEmit() {
        lua("""
                local e, log = EventEmitter.new(), {}
                local function late() log[#log + 1] = "late" end
                local function second() log[#log + 1] = "second" end
                e:on("x", function()
                  log[#log + 1] = "first"
                  e:on("x", late)
                  e:off("x", second)
                end)
                e:on("x", second)
                e:emit("x")
                assert(table.concat(log, ",") == "first,second", table.concat(log, ","))
                log = {}
                e:emit("x")
                assert(table.concat(log, ",") == "first,late", table.concat(log, ","))
                """);
    }

    @Test
    void raisesUnhandledErrorEvents() {
        lua("""
                local e = EventEmitter.new()
                local boom = { message = "boom" }
                assert(err(e.emit, e, "error", boom) == boom)
                assert(err(e.emit, e, "error", "bad thing") == "Unhandled error: bad thing")
                assert(err(e.emit, e, "error") == "Unhandled error.")
                local got
                e:on("error", function(x) got = x end)
                assert(e:emit("error", boom) and got == boom)
                """);
        try (ModuleTester t = new ModuleTester()) {
            assertThat(t.error("events.EventEmitter.new():emit('error', 'disk full')"))
                    .isEqualTo("test:1: Unhandled error: disk full");
        }
    }

    @Test
    void supportsSubclasses() {
        lua("""
                local Dog = EventEmitter:extend()
                function Dog:init(name) self.name = name end
                function Dog:bark() self:emit("bark", self.name) end
                local d = Dog:new("rex")
                local heard
                d:on("bark", function(n) heard = n end)
                d:bark()
                assert(heard == "rex" and Dog.super == EventEmitter)
                local Puppy = Dog:extend()
                local p = Puppy("bit")
                p:on("bark", function(n) heard = n end)
                p:bark()
                assert(heard == "bit")
                -- a class made by hand, whose instances never ran EventEmitter's constructor
                local Cat = setmetatable({}, { __index = EventEmitter })
                Cat.__index = Cat
                local c = setmetatable({}, Cat)
                c:on("meow", function() heard = "meow" end)
                assert(c:emit("meow") and heard == "meow")
                -- and util.class works with EventEmitter as the parent
                local Bird = util.class(EventEmitter)
                local b = Bird()
                b:on("tweet", function() heard = "tweet" end)
                assert(b:emit("tweet") and heard == "tweet")
                """);
    }

    @Test
    void warnsOnceWhenAnEventPassesMaxListeners() {
        lua("""
                local real = io.stderr
                local capture = io.tmpfile()
                io.stderr = capture
                local e = EventEmitter.new()
                assert(e:getMaxListeners() == 10)
                for _ = 1, 12 do e:on("leak", function() end) end
                local quiet = EventEmitter.new():setMaxListeners(0)
                for _ = 1, 20 do quiet:on("x", function() end) end
                local roomy = EventEmitter.new():setMaxListeners(50)
                for _ = 1, 20 do roomy:on("x", function() end) end
                io.stderr = real
                capture:seek("set")
                local text = capture:read("a")
                assert(text == "(hype) MaxListenersExceededWarning: Possible EventEmitter memory leak detected. "
                  .. "11 leak listeners added to [EventEmitter]. Use emitter:setMaxListeners() to increase limit\\n", text)
                assert(roomy:getMaxListeners() == 50)
                """);
    }

    @Test
    void rejectsBadArgumentsInLuaStyle() {
        lua("""
                local e = EventEmitter.new()
                assert(err(e.on, e, "x") == "bad argument #2 to 'on' (function expected, got nil)")
                assert(err(e.once, e, "x", 1) == "bad argument #2 to 'once' (function expected, got number)")
                assert(err(e.prependListener, e, nil, print) == "bad argument #1 to 'prependListener' (event name expected, got nil)")
                assert(err(e.off, e, "x", "f") == "bad argument #2 to 'off' (function expected, got string)")
                assert(err(e.prependOnceListener, e, "x", {}) == "bad argument #2 to 'prependOnceListener' (function expected, got table)")
                assert(err(e.addListener, e, "x") == "bad argument #2 to 'on' (function expected, got nil)")
                assert(err(e.emit, e) == "bad argument #1 to 'emit' (event name expected, got nil)")
                assert(err(e.listenerCount, e) == "bad argument #1 to 'listenerCount' (event name expected, got nil)")
                assert(err(e.listeners, e) == "bad argument #1 to 'listeners' (event name expected, got nil)")
                assert(err(e.setMaxListeners, e, -1) == "bad argument #1 to 'setMaxListeners' (non-negative number expected, got number)")
                assert(err(e.setMaxListeners, e, "x") == "bad argument #1 to 'setMaxListeners' (non-negative number expected, got string)")
                assert(err(e.on, 5, "x", print) == "calling 'on' on bad self (EventEmitter expected, got number)")
                assert(err(e.removeAllListeners) == "calling 'removeAllListeners' on bad self (EventEmitter expected, got nil)")
                assert(err(e.eventNames) == "calling 'eventNames' on bad self (EventEmitter expected, got nil)")
                -- a callable table is a function too
                e:on("x", setmetatable({}, { __call = function() end }))
                """);
        try (ModuleTester t = new ModuleTester()) {
            assertThat(t.error("local e = events.EventEmitter.new()\ne:on('x')"))
                    .isEqualTo("test:2: bad argument #2 to 'on' (function expected, got nil)");
        }
    }
}
