---@meta java

---JVM interop: public classes and their public members, gated by the package's
---`permissions.java` class-name patterns. Java exceptions raise a `hype.java.Exception` table;
---a class the patterns do not allow raises a `PERMISSION_DENIED` table.
---@class hype.java
local java = {}

---The error table a Java exception becomes. `tostring(err)` is the message.
---@class hype.java.Exception
---@field code "JAVA_EXCEPTION"
---@field class string the exception's class name, such as `java.lang.NumberFormatException`
---@field message string its `toString()`: `java.lang.NumberFormatException: For input string: "x"`

---A class proxy: `Cls.new(...)` or `Cls(...)` constructs, `Cls.method(...)` calls a static method
---(with `.`), `Cls.FIELD` reads a static field and `Cls.FIELD = v` sets one that is not final.
---@class hype.java.Class
---@field new fun(...: any): hype.java.Object
---@field [string] any
---@operator call(...): hype.java.Object

---A Java object: `obj:method(...)`, `obj.field`, `tostring(obj)` (Java's `toString()`), `#obj` for
---arrays (indexed from 1: `arr[1]` is Java's `arr[0]`), collections, maps and char sequences.
---`a == b` when both stand for the same object; `a:equals(b)` is Java's equality.
---@class hype.java.Object
---@field [string] any
---@field [integer] any
---@operator len: integer
---@operator concat(any): string

---Return a proxy for the public class or interface `name`, a binary name (`java.util.Map$Entry`).
---@param name string
---@return hype.java.Class
function java.import(name) end

---Return whether `value` is a Java object of `type` (a name such as `java.util.List` or `int[]`,
---or a class proxy).
---@param value any
---@param type string|hype.java.Class
---@return boolean
function java.instanceof(value, type) end

---Return the class name of a Java object (`java.util.ArrayList`, `int[]`), or the class a class
---proxy stands for.
---@param value hype.java.Object|hype.java.Class
---@return string
function java.class(value) end

---Return a new Java array of `type` elements (`int`, `java.lang.String`, `int[]`, or a class proxy):
---`n` zeroes, falses or nulls, or the values of the sequence `t` converted to `type`.
---@param type string|hype.java.Class
---@param n_or_t integer|any[]
---@return hype.java.Object
function java.array(type, n_or_t) end

return java
