namespace Site.Cli;

public static class ExitCodes
{
    public const int Built = 0;
    public const int ContentErrors = 1;
    public const int Usage = 2;
    public const int Crashed = 3;
}
