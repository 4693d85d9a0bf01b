using Juesuan.Domain.Model;
using Juesuan.Domain.Numbers;

namespace Juesuan.TestSupport;

/// <summary>Small hand-made department-years for unit tests.</summary>
public static class ExampleData
{
    /// <summary>A cell.</summary>
    public static StatedCell Cell(string column, string value) => new() { Column = column, Value = Printed.Parse(value).Value };

    /// <summary>A row of cells given as (column, value) pairs.</summary>
    public static StatedRow Row(string key, params (string Column, string Value)[] cells) =>
        new() { Key = key, Cells = cells.Select(c => Cell(c.Column, c.Value)).ToArray() };

    /// <summary>A table.</summary>
    public static StatedTable Table(string definition, params StatedRow[] rows) =>
        new() { Definition = definition, Title = definition, Rows = rows };

    /// <summary>A minimal department-year.</summary>
    public static DepartmentYear Year(string name = "测试县医疗保障局", int year = 2024, params StatedTable[] tables) =>
        new() { Department = new Department { Name = name }, Year = year, Tables = tables };
}
