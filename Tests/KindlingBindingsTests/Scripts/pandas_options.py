# pd.set_option / get_option / reset_option for the display options Kindling's reprs follow.
import pandas as pd
df = pd.read_csv('fixtures/wide_frame.csv')
print(pd.get_option('display.width'), pd.get_option('display.max_rows'))
print(df)
pd.set_option('display.width', 140)
print(df)
pd.set_option('display.max_rows', 10, 'display.precision', 2)
print(df)
print(df['c1'])
pd.reset_option('display.max_rows')
print(pd.get_option('display.max_rows'), pd.get_option('display.precision'))
try:
    pd.set_option('display.width', 'x')
except ValueError as e:
    print(type(e).__name__, e)
pd.reset_option('display.width')
print(pd.get_option('display.width'))
pd.set_option('display.max_columns', 20, 'display.width', 100)
print(df.head(3))
pd.set_option('display.max_columns', 0, 'display.width', 80)
