namespace CityScreen.Simulator.Activities;

/// <summary>
/// Plausible Chinese names for simulated people, drawn from the person's id so a member or resident
/// keeps one name across runs: surnames weighted roughly as they are common in 陕北 (王, 李, 张, 刘,
/// 高, 杨 … first), given names of one character for about a quarter and of two for the rest.
/// </summary>
internal static class PersonNames
{
    private const string Surnames = "王王王李李李张张张刘刘刘高高杨杨陈陈赵赵马马郭郭白白薛薛冯冯贺贺曹曹呼呼黄周吴徐孙朱胡何罗郑梁谢宋唐许韩邓彭曾田董袁潘蒋蔡杜程苏吕丁任姚卢崔钟汪范金石贾夏付方邹孟秦雷侯史郝段乔霍拓艾";

    private const string Given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国文辉红梅鹏飞海燕志宏晓东春雪凤琴林斌波宁佳欣怡浩宇子涵梓轩雨萱一诺博文思远嘉怡";

    public static string For(string personId)
    {
        var h = GridPlaces.StableHash($"{personId}/name");
        var name = Surnames[(int)(h % (uint)Surnames.Length)].ToString();
        h /= (uint)Surnames.Length;
        name += Given[(int)(h % (uint)Given.Length)];
        h /= (uint)Given.Length;
        return h % 4 == 0 ? name : name + Given[(int)(h / 4 % (uint)Given.Length)];
    }
}
